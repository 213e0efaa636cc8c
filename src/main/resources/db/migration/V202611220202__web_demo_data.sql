-- Which module's demo data has been created, so that a restart never seeds twice.
CREATE TABLE web_demo_data (
    name      VARCHAR(100)             NOT NULL PRIMARY KEY,
    seeded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
