-- Every change of a service's price, with who made it and when (issue 13, item 5): the
-- administrators see the history, and an appointment booked before a change keeps the price it
-- was booked at (the old price of the first change after the booking).
CREATE TABLE clinic_service_price_change (
    id             UUID PRIMARY KEY,
    service_id     UUID NOT NULL REFERENCES clinic_service (id),
    old_kopecks    BIGINT NOT NULL,
    new_kopecks    BIGINT NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by     UUID NOT NULL
);

CREATE INDEX clinic_service_price_change_service ON clinic_service_price_change (service_id, changed_at);
