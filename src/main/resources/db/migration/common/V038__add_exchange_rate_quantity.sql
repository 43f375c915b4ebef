-- How many units the National Bank quotes a currency for (1 USD, 100 JPY): pages show
-- the rate as the bank quotes it; "rate" and "change" stay per one unit.
ALTER TABLE exchange_rates ADD COLUMN quant INTEGER DEFAULT 1 NOT NULL;
