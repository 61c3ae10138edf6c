-- Staff work statistics read the deadlines met in a period.
CREATE INDEX deadline_cache_met ON deadline_cache (met_on) WHERE met_on IS NOT NULL;
