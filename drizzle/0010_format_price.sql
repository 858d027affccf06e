-- Money as people read it, for text written by set-based statements (the sale notification is composed inside the
-- one statement that books a sale). Mirrors formatPrice in lib/orders/pricing.ts (Intl en-US); a test keeps them equal.
CREATE OR REPLACE FUNCTION agora_format_price(cents bigint, currency text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN cents = 0 THEN 'Free'
    ELSE CASE WHEN cents < 0 THEN '-' ELSE '' END
      || CASE lower(currency) WHEN 'usd' THEN '$' WHEN 'eur' THEN '€' WHEN 'gbp' THEN '£' ELSE upper(currency) || ' ' END
      || to_char(abs(cents) / 100.0, 'FM999,999,999,990.00')
  END
$$;
