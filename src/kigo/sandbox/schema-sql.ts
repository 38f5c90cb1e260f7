/**
 * The sandbox's tables, following the seed (ent_mom_db + kigo_db in one schema). The same DDL runs
 * on PGlite and on a PostgreSQL server. Constraints are real: unique promo codes, one
 * `external_reference` per merchant, foreign keys, `code_type` of length 1.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS partners (
  partner_id BIGSERIAL PRIMARY KEY,
  partner_name VARCHAR(200) NOT NULL
);

CREATE TABLE IF NOT EXISTS programs (
  program_id BIGSERIAL PRIMARY KEY,
  program_name VARCHAR(200) NOT NULL,
  program_type VARCHAR(20) NOT NULL CHECK (program_type IN ('closed_loop', 'open_loop', 'hybrid')),
  program_status VARCHAR(20) NOT NULL DEFAULT 'active',
  partner_id BIGINT REFERENCES partners(partner_id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS program_campaigns (
  campaign_id BIGSERIAL PRIMARY KEY,
  program_id BIGINT NOT NULL REFERENCES programs(program_id),
  campaign_name VARCHAR(200) NOT NULL,
  campaign_type VARCHAR(50) NOT NULL DEFAULT 'offer_based',
  start_date DATE NOT NULL,
  end_date DATE NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date)
);

CREATE TABLE IF NOT EXISTS merchants (
  merchant_id BIGSERIAL PRIMARY KEY,
  merchant_name VARCHAR(200) NOT NULL,
  merchant_type VARCHAR(50),
  status VARCHAR(20) NOT NULL DEFAULT 'active',
  primary_category_id INT
);

CREATE TABLE IF NOT EXISTS merchant_locations (
  location_id BIGSERIAL PRIMARY KEY,
  merchant_id BIGINT NOT NULL REFERENCES merchants(merchant_id) ON DELETE CASCADE,
  address_line1 VARCHAR(200) NOT NULL,
  city VARCHAR(100) NOT NULL,
  state VARCHAR(50) NOT NULL,
  postal_code VARCHAR(20) NOT NULL,
  latitude NUMERIC(9, 6),
  longitude NUMERIC(9, 6)
);

CREATE TABLE IF NOT EXISTS offer_types (
  offer_type_id BIGSERIAL PRIMARY KEY,
  type_name VARCHAR(100) NOT NULL UNIQUE,
  type_description TEXT,
  is_active BOOLEAN NOT NULL DEFAULT true
);

CREATE TABLE IF NOT EXISTS offers (
  offer_id BIGSERIAL PRIMARY KEY,
  merchant_owner BIGINT NOT NULL REFERENCES merchants(merchant_id),
  version_active_from DATE NOT NULL,
  default_language VARCHAR(10) NOT NULL,
  external_reference VARCHAR(255),
  offer_expiry_date DATE,
  offer_status VARCHAR(20) NOT NULL DEFAULT 'active',
  offer_type VARCHAR(100),
  offer_redemption_methods TEXT[] NOT NULL,
  edition_exclusivity VARCHAR(100),
  code_type CHAR(1) NOT NULL CHECK (char_length(code_type) = 1),
  clickthru_url TEXT,
  classification VARCHAR(100),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS offers_merchant_owner_idx ON offers (merchant_owner);
CREATE INDEX IF NOT EXISTS offers_external_reference_idx ON offers (external_reference);
-- A data directory from before the key was unique may hold repeats: the later ones are kept, with
-- their offer id appended to the reference, so the index can be built and nothing is lost.
UPDATE offers SET external_reference = external_reference || '#' || offer_id
  WHERE external_reference IS NOT NULL AND offer_id NOT IN (
    SELECT min(offer_id) FROM offers WHERE external_reference IS NOT NULL
    GROUP BY merchant_owner, external_reference);
-- The idempotency key of a publish: a retried or racing create finds a 409, never a second offer.
CREATE UNIQUE INDEX IF NOT EXISTS offers_merchant_external_reference_key
  ON offers (merchant_owner, external_reference);

CREATE TABLE IF NOT EXISTS offer_descriptives (
  offer_id BIGINT NOT NULL REFERENCES offers(offer_id) ON DELETE CASCADE,
  language_code VARCHAR(10) NOT NULL,
  short_text VARCHAR(200),
  long_text TEXT,
  terms_conditions TEXT,
  image_url TEXT,
  savings_amount VARCHAR(50),
  savings_type VARCHAR(20),
  PRIMARY KEY (offer_id, language_code)
);

CREATE TABLE IF NOT EXISTS redemption_controls (
  control_id BIGSERIAL PRIMARY KEY,
  offer_id BIGINT NOT NULL REFERENCES offers(offer_id) ON DELETE CASCADE,
  usage_limit_per_customer INT CHECK (usage_limit_per_customer > 0),
  total_usage_limit INT CHECK (total_usage_limit > 0),
  location_ids BIGINT[] NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS promo_codes (
  promo_code_id BIGSERIAL PRIMARY KEY,
  promo_code VARCHAR(20) NOT NULL UNIQUE,
  offer_id BIGINT NOT NULL REFERENCES offers(offer_id) ON DELETE CASCADE,
  code_type VARCHAR(10) NOT NULL DEFAULT 'single',
  usage_limit INT CHECK (usage_limit > 0),
  redemption_count INT NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS campaign_offers (
  campaign_id BIGINT NOT NULL REFERENCES program_campaigns(campaign_id) ON DELETE CASCADE,
  offer_id BIGINT NOT NULL REFERENCES offers(offer_id) ON DELETE CASCADE,
  linked_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, offer_id)
);

CREATE TABLE IF NOT EXISTS customer_lists (
  customer_list_id BIGSERIAL PRIMARY KEY,
  offer_id BIGINT NOT NULL REFERENCES offers(offer_id) ON DELETE CASCADE,
  list_name VARCHAR(200),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A list's name is its key within an offer (production lacks this endpoint; we propose it with the
-- key): an upload retried after a timeout, whose first attempt lands late, meets a 409, never
-- makes a second list. Repeats from before the key get their id appended, as offers do above.
UPDATE customer_lists SET list_name = left(list_name, 180) || ' #' || customer_list_id
  WHERE list_name IS NOT NULL AND customer_list_id NOT IN (
    SELECT min(customer_list_id) FROM customer_lists WHERE list_name IS NOT NULL
    GROUP BY offer_id, list_name);
CREATE UNIQUE INDEX IF NOT EXISTS customer_lists_offer_list_name_key
  ON customer_lists (offer_id, list_name);

CREATE TABLE IF NOT EXISTS customer_list_members (
  customer_list_id BIGINT NOT NULL REFERENCES customer_lists(customer_list_id) ON DELETE CASCADE,
  customer VARCHAR(320) NOT NULL,
  PRIMARY KEY (customer_list_id, customer)
);

CREATE TABLE IF NOT EXISTS redemptions (
  redemption_id BIGSERIAL PRIMARY KEY,
  offer_id BIGINT NOT NULL REFERENCES offers(offer_id) ON DELETE CASCADE,
  promo_code_id BIGINT REFERENCES promo_codes(promo_code_id) ON DELETE SET NULL,
  location_id BIGINT REFERENCES merchant_locations(location_id) ON DELETE SET NULL,
  user_id VARCHAR(100) NOT NULL,
  redeemed_at TIMESTAMPTZ NOT NULL,
  revenue NUMERIC(12, 2) NOT NULL DEFAULT 0,
  discount_amount NUMERIC(12, 2) NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS redemptions_offer_day_idx ON redemptions (offer_id, redeemed_at);

-- Impressions (offer shown in Hub/Marketplace) per day, so conversion has an honest denominator.
CREATE TABLE IF NOT EXISTS offer_impressions (
  offer_id BIGINT NOT NULL REFERENCES offers(offer_id) ON DELETE CASCADE,
  day DATE NOT NULL,
  impressions INT NOT NULL CHECK (impressions >= 0),
  PRIMARY KEY (offer_id, day)
);
`;
