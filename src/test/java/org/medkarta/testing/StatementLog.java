package org.medkarta.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records the SQL statements the application executes, with transaction boundaries, while a test
 * asks for it. Imported only by the tests that count statements ({@code @Import(StatementLog.class)}):
 * it wraps the application's {@link DataSource} in a proxy that notes every executed statement
 * (a batch counts its statements), every commit and every rollback, of every thread.
 */
public class StatementLog implements BeanPostProcessor {

    private static final Set<String> EXECUTES =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
    private static volatile List<String> recording;

    /** The statements {@code action} caused, {@code COMMIT} and {@code ROLLBACK} among them, in order. */
    public static List<String> during(Runnable action) {
        var lines = new CopyOnWriteArrayList<String>();
        recording = lines;
        try {
            action.run();
        } finally {
            recording = null;
        }
        return new ArrayList<>(lines);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource source && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, source, (target, method, args) -> {
                Object result = call(target, method, args);
                return result instanceof Connection connection ? connection(connection) : result;
            });
        }
        return bean;
    }

    private static Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback")) {
                note(name.toUpperCase(java.util.Locale.ROOT));
            }
            Object result = call(target, method, args);
            if (result instanceof Statement statement
                    && (name.startsWith("prepare") || name.equals("createStatement"))) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                return statement(statement, sql);
            }
            return result;
        });
    }

    private static Statement statement(Statement statement, String prepared) {
        Class<?> type = statement instanceof java.sql.CallableStatement
                ? java.sql.CallableStatement.class
                : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        var batch = new ArrayList<String>();
        return (Statement) proxy(type, statement, (target, method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batch.add(args != null && args.length == 1 ? (String) args[0] : prepared);
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                batch.forEach(StatementLog::note);
                batch.clear();
            } else if (EXECUTES.contains(name)) {
                note(args != null && args.length > 0 && args[0] instanceof String text ? text : prepared);
            }
            return call(target, method, args);
        });
    }

    private static void note(String sql) {
        var lines = recording;
        if (lines != null && sql != null) {
            lines.add(sql.strip().replaceAll("\\s+", " "));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }
}
