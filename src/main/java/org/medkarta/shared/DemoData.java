package org.medkarta.shared;

/**
 * One module's share of the demo data that the default profile creates on first start.
 *
 * <p>Each module that has demo accounts or records contributes one bean. The seeder runs every
 * contribution once, in {@link org.springframework.core.annotation.Order} order, each in its own
 * transaction, and remembers its {@link #name()} so that a restart never seeds twice. It never runs
 * in {@code prod} nor when {@code medkarta.demo.enabled} is false.
 */
public interface DemoData {

    /** A stable name; renaming it makes the seeder run the contribution again. */
    String name();

    /** Creates the data; runs inside a transaction, at most once per database. */
    void seed();

    /**
     * Whether the app may answer ready before this contribution is seeded: no other contribution
     * seeds on it, and its module tells its users meanwhile that the data is still loading. The
     * seeder then seeds it on a background thread after the others (the ICD-10 dictionary: a minute
     * of a fresh machine's first start that nobody needs to wait for).
     */
    default boolean followsReadiness() {
        return false;
    }

    /**
     * Told {@code true} before readiness when the contribution is left to the background, and
     * {@code false} when that seeding ends (done, done by another node, or failed).
     */
    default void loading(boolean loading) {}
}
