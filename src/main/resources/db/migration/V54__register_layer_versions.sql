-- The register layers (buildings, key places, survey) get data versions, bumped in the writing
-- transaction, so that cached tiles of a layer are re-rendered after any change to its rows.
CREATE FUNCTION register_bump_layer_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_layer_version(TG_ARGV::text[]);
  RETURN NULL;
END
$$;

CREATE TRIGGER building_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON building
  FOR EACH STATEMENT EXECUTE FUNCTION register_bump_layer_version('buildings', 'survey');
CREATE TRIGGER key_place_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON key_place
  FOR EACH STATEMENT EXECUTE FUNCTION register_bump_layer_version('places');
CREATE TRIGGER survey_record_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON survey_record
  FOR EACH STATEMENT EXECUTE FUNCTION register_bump_layer_version('survey');
CREATE TRIGGER survey_campaign_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON survey_campaign
  FOR EACH STATEMENT EXECUTE FUNCTION register_bump_layer_version('survey');
