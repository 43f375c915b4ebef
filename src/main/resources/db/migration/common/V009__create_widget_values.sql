-- Stored values behind the sidebar widgets. Pages read only these tables,
-- never an outside service; the refresh jobs write them.
CREATE TABLE exchange_rates (
    currency  VARCHAR(3)     NOT NULL,
    rate_date DATE           NOT NULL,
    rate      DECIMAL(18, 6) NOT NULL,
    change    DECIMAL(18, 6) NOT NULL,
    PRIMARY KEY (currency, rate_date)
);

CREATE TABLE weather_now (
    city           VARCHAR(32)              NOT NULL PRIMARY KEY,
    temperature_c  DECIMAL(5, 1)            NOT NULL,
    weather_code   INTEGER                  NOT NULL,
    wind_speed_kmh DECIMAL(5, 1)            NOT NULL,
    observed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
