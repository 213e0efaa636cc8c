-- Refunds in parts (issue 20): the clinic may give back a paid try's money in several refunds, each
-- under its own idempotence key (<try>-p<n>; the cancellation's refund keeps <try>-r), so a try no longer
-- has at most one refund. The table is made again without the unique attempt key (its constraint has no
-- name both engines share); the attempt key stays indexed for the sum given back.
CREATE TABLE payment_refund_part (
    idempotence_key  VARCHAR(64)              NOT NULL PRIMARY KEY,
    payment_id       UUID                     NOT NULL REFERENCES payment (id),
    attempt_key      VARCHAR(64)              NOT NULL,
    amount_kopecks   BIGINT                   NOT NULL,
    reason           VARCHAR(30)              NOT NULL,
    status           VARCHAR(20)              NOT NULL,
    provider_id      VARCHAR(64),
    receipt          VARCHAR(4000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at          TIMESTAMP WITH TIME ZONE
);

INSERT INTO payment_refund_part (idempotence_key, payment_id, attempt_key, amount_kopecks, reason, status,
       provider_id, receipt, created_at, done_at)
SELECT idempotence_key, payment_id, attempt_key, amount_kopecks, reason, status, provider_id, receipt,
       created_at, done_at
FROM payment_refund;

DROP TABLE payment_refund;

ALTER TABLE payment_refund_part RENAME TO payment_refund;

CREATE INDEX payment_refund_attempt ON payment_refund (attempt_key);
CREATE INDEX payment_refund_payment ON payment_refund (payment_id);
