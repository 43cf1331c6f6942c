/// Migration v6: personal data. No operator role may read a household's full phone or head name:
/// their SELECT privilege on `household` is narrowed to the other columns, and Wangge's own reads go
/// through `household_shown`, a security-barrier view that keeps the scope of row-level security
/// and shows phones masked (`138****5678`, as `PhoneMask`) and help households' names masked (`张*`)
/// to everyone but the store's owner. A commander or an admin reads one household in full only
/// through `wangge_reveal`, which appends the audit record (who, when, which household, why) in the
/// same transaction.
extension PostgresSchema {
  /// The functions and views v6 creates, for replacing a store whole.
  static let personalDataFunctions = ["wangge_mask_phone", "wangge_mask_name", "wangge_reveal"]

  /// The columns of `household` every operator role may read.
  static let householdOpenColumns = "id, unit_id, room, size, reach, flags"

  /// True when the caller may read `household.phone` itself (the owner or a superuser); one InitPlan.
  static let readsPersonalData = "(SELECT has_column_privilege('household', 'phone', 'SELECT'))"

  static let personalDataV6 = """
    -- As PhoneMask: 11+ digit positions show the first 3 and last 4, 7 to 10 the last 2, fewer none;
    -- separators stay; '*' counts as a position, so masking twice changes nothing.
    CREATE FUNCTION wangge_mask_phone(p text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT
      PARALLEL SAFE AS $$
    DECLARE
      n int := char_length(regexp_replace(p, '[^0-9*]', '', 'g'));
      head int := CASE WHEN n >= 11 THEN 3 ELSE 0 END;
      tail int := CASE WHEN n >= 11 THEN 4 WHEN n >= 7 THEN 2 ELSE 0 END;
      seen int := 0;
      shown text := '';
      c text;
    BEGIN
      FOREACH c IN ARRAY regexp_split_to_array(p, '') LOOP
        IF c ~ '^[0-9*]$' THEN
          seen := seen + 1;
          shown := shown || CASE WHEN c <> '*' AND (seen <= head OR seen > n - tail) THEN c ELSE '*' END;
        ELSIF c IN (' ', '-', '+', '(', ')', '.') THEN
          shown := shown || c;
        ELSE
          shown := shown || '*';
        END IF;
      END LOOP;
      RETURN shown;
    END $$;
    -- The first character, then one '*' per other character (a one-character name: '*').
    CREATE FUNCTION wangge_mask_name(n text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT CASE WHEN char_length(n) <= 1 THEN repeat('*', char_length(n))
                  ELSE left(n, 1) || repeat('*', char_length(n) - 1) END $$;

    REVOKE SELECT ON household FROM wangge_viewer, wangge_station, wangge_commander, wangge_admin;
    GRANT SELECT (\(householdOpenColumns)) ON household TO wangge_viewer;

    CREATE VIEW household_shown WITH (security_barrier) AS
      SELECT h.id, h.unit_id, h.room,
        CASE WHEN \(readsPersonalData) OR NOT EXISTS (SELECT 1 FROM help_case c WHERE c.household_id = h.id)
             THEN h.head_name ELSE wangge_mask_name(h.head_name) END AS head_name,
        CASE WHEN \(readsPersonalData) THEN h.phone ELSE wangge_mask_phone(h.phone) END AS phone,
        h.size, h.reach, h.flags
      FROM household h
      WHERE \(readsPersonalData) OR \(unscoped) OR h.unit_id IN (SELECT wangge_scope_places(current_user));
    GRANT SELECT ON household_shown TO wangge_viewer;

    -- One household in full, for a commander, an admin or the owner, with its audit record.
    CREATE FUNCTION wangge_reveal(p_household bigint, p_reason text, p_at bigint)
      RETURNS TABLE(room text, head_name text, phone text, unit_id bigint)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    DECLARE
      who text := session_user::text;
      r text := wangge_operator_role(session_user);
      why text := btrim(coalesce(p_reason, ''));
      h record;
    BEGIN
      IF r IS NULL THEN
        IF NOT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
           AND NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'household'::regclass),
             'MEMBER') THEN
          RAISE EXCEPTION '% is not an operator of this store', who USING ERRCODE = '42501';
        END IF;
      ELSIF r NOT IN ('commander', 'admin') THEN
        RAISE EXCEPTION 'a % may not reveal personal data (commander or admin only)', r
          USING ERRCODE = '42501';
      END IF;
      IF char_length(why) NOT BETWEEN 2 AND 200 OR why ~ '[[:cntrl:]]' THEN
        RAISE EXCEPTION 'a reveal needs a reason of 2 to 200 characters' USING ERRCODE = '22023';
      END IF;
      SELECT x.room, x.head_name, x.phone, x.unit_id INTO h FROM household x WHERE x.id = p_household;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'no household %', p_household USING ERRCODE = 'P0002';
      END IF;
      INSERT INTO audit(at, operator, action, scope_id, detail)
      VALUES (p_at, who, 'reveal', h.unit_id,
        '{"household":' || p_household || ',"reason":' || to_json(why)::text || '}');
      RETURN QUERY SELECT h.room::text, h.head_name::text, h.phone::text, h.unit_id::bigint;
    END $$;
    REVOKE ALL ON FUNCTION wangge_reveal FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION wangge_reveal TO wangge_commander;

    """
}
