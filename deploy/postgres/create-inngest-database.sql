-- Inngest keeps its apps, runs and history in its own database on the same server (docker-compose.yml).
-- Runs once, when the PostgreSQL volume is first initialised.
CREATE DATABASE inngest OWNER paycenter;
