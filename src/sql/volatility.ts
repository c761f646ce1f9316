/**
 * Which function calls make an expression volatile, as PostgreSQL judges it
 * (`pg_proc.provolatile`): a volatile `DEFAULT` is evaluated once per row, so
 * `ADD COLUMN … DEFAULT random()` rewrites the table, where a stable one
 * (`now()`) is evaluated once and stored as the "missing value" (PostgreSQL 11+).
 */
import type { Token } from './lexer';

/**
 * Every `pg_catalog` function all of whose overloads are volatile (PostgreSQL 18,
 * set-returning ones excluded). `tests/sql/volatility.test.ts` checks this list
 * against `pg_proc` on a real PostgreSQL, so it cannot drift.
 */
export const VOLATILE_CATALOG_FUNCTIONS: readonly string[] = [
  'RI_FKey_cascade_del',
  'RI_FKey_cascade_upd',
  'RI_FKey_check_ins',
  'RI_FKey_check_upd',
  'RI_FKey_noaction_del',
  'RI_FKey_noaction_upd',
  'RI_FKey_restrict_del',
  'RI_FKey_restrict_upd',
  'RI_FKey_setdefault_del',
  'RI_FKey_setdefault_upd',
  'RI_FKey_setnull_del',
  'RI_FKey_setnull_upd',
  'amvalidate',
  'array_sample',
  'array_shuffle',
  'bernoulli',
  'binary_upgrade_add_sub_rel_state',
  'binary_upgrade_create_empty_extension',
  'binary_upgrade_logical_slot_has_caught_up',
  'binary_upgrade_replorigin_advance',
  'binary_upgrade_set_missing_value',
  'binary_upgrade_set_next_array_pg_type_oid',
  'binary_upgrade_set_next_attribute_versions',
  'binary_upgrade_set_next_heap_pg_class_oid',
  'binary_upgrade_set_next_heap_relfilenode',
  'binary_upgrade_set_next_index_pg_class_oid',
  'binary_upgrade_set_next_index_relfilenode',
  'binary_upgrade_set_next_multirange_array_pg_type_oid',
  'binary_upgrade_set_next_multirange_pg_type_oid',
  'binary_upgrade_set_next_pg_authid_oid',
  'binary_upgrade_set_next_pg_enum_oid',
  'binary_upgrade_set_next_pg_tablespace_oid',
  'binary_upgrade_set_next_pg_type_oid',
  'binary_upgrade_set_next_toast_pg_class_oid',
  'binary_upgrade_set_next_toast_relfilenode',
  'binary_upgrade_set_record_init_privs',
  'brin_desummarize_range',
  'brin_summarize_new_values',
  'brin_summarize_range',
  'brinhandler',
  'bthandler',
  'clock_timestamp',
  'current_query',
  'currtid2',
  'currval',
  'cursor_to_xml',
  'cursor_to_xmlschema',
  'dsnowball_init',
  'dsnowball_lexize',
  'gen_random_uuid',
  'gin_clean_pending_list',
  'ginhandler',
  'gisthandler',
  'hashhandler',
  'heap_tableam_handler',
  'lastval',
  'lo_close',
  'lo_creat',
  'lo_create',
  'lo_export',
  'lo_from_bytea',
  'lo_get',
  'lo_import',
  'lo_lseek',
  'lo_lseek64',
  'lo_open',
  'lo_put',
  'lo_tell',
  'lo_tell64',
  'lo_truncate',
  'lo_truncate64',
  'lo_unlink',
  'loread',
  'lowrite',
  'nextval',
  'pg_advisory_lock',
  'pg_advisory_lock_shared',
  'pg_advisory_unlock',
  'pg_advisory_unlock_all',
  'pg_advisory_unlock_shared',
  'pg_advisory_xact_lock',
  'pg_advisory_xact_lock_shared',
  'pg_backup_start',
  'pg_backup_stop',
  'pg_blocking_pids',
  'pg_cancel_backend',
  'pg_clear_attribute_stats',
  'pg_clear_relation_stats',
  'pg_collation_actual_version',
  'pg_control_checkpoint',
  'pg_control_init',
  'pg_control_recovery',
  'pg_control_system',
  'pg_copy_logical_replication_slot',
  'pg_copy_physical_replication_slot',
  'pg_create_logical_replication_slot',
  'pg_create_physical_replication_slot',
  'pg_create_restore_point',
  'pg_current_logfile',
  'pg_current_wal_flush_lsn',
  'pg_current_wal_insert_lsn',
  'pg_current_wal_lsn',
  'pg_database_collation_actual_version',
  'pg_database_size',
  'pg_drop_replication_slot',
  'pg_export_snapshot',
  'pg_extension_config_dump',
  'pg_get_sequence_data',
  'pg_get_wal_replay_pause_state',
  'pg_get_wal_summarizer_state',
  'pg_import_system_collations',
  'pg_indexes_size',
  'pg_is_in_recovery',
  'pg_is_wal_replay_paused',
  'pg_isolation_test_session_is_blocked',
  'pg_jit_available',
  'pg_last_committed_xact',
  'pg_last_wal_receive_lsn',
  'pg_last_wal_replay_lsn',
  'pg_last_xact_replay_timestamp',
  'pg_log_backend_memory_contexts',
  'pg_log_standby_snapshot',
  'pg_logical_emit_message',
  'pg_nextoid',
  'pg_notification_queue_usage',
  'pg_notify',
  'pg_promote',
  'pg_read_binary_file',
  'pg_read_file',
  'pg_relation_size',
  'pg_reload_conf',
  'pg_replication_origin_advance',
  'pg_replication_origin_create',
  'pg_replication_origin_drop',
  'pg_replication_origin_progress',
  'pg_replication_origin_session_is_setup',
  'pg_replication_origin_session_progress',
  'pg_replication_origin_session_reset',
  'pg_replication_origin_session_setup',
  'pg_replication_origin_xact_reset',
  'pg_replication_origin_xact_setup',
  'pg_replication_slot_advance',
  'pg_restore_attribute_stats',
  'pg_restore_relation_stats',
  'pg_rotate_logfile',
  'pg_safe_snapshot_blocking_pids',
  'pg_sequence_last_value',
  'pg_sleep',
  'pg_sleep_for',
  'pg_sleep_until',
  'pg_stat_clear_snapshot',
  'pg_stat_file',
  'pg_stat_force_next_flush',
  'pg_stat_get_backend_wal',
  'pg_stat_get_xact_blocks_fetched',
  'pg_stat_get_xact_blocks_hit',
  'pg_stat_get_xact_function_calls',
  'pg_stat_get_xact_function_self_time',
  'pg_stat_get_xact_function_total_time',
  'pg_stat_get_xact_numscans',
  'pg_stat_get_xact_tuples_deleted',
  'pg_stat_get_xact_tuples_fetched',
  'pg_stat_get_xact_tuples_hot_updated',
  'pg_stat_get_xact_tuples_inserted',
  'pg_stat_get_xact_tuples_newpage_updated',
  'pg_stat_get_xact_tuples_returned',
  'pg_stat_get_xact_tuples_updated',
  'pg_stat_have_stats',
  'pg_stat_reset',
  'pg_stat_reset_backend_stats',
  'pg_stat_reset_replication_slot',
  'pg_stat_reset_shared',
  'pg_stat_reset_single_function_counters',
  'pg_stat_reset_single_table_counters',
  'pg_stat_reset_slru',
  'pg_stat_reset_subscription_stats',
  'pg_stop_making_pinned_objects',
  'pg_switch_wal',
  'pg_sync_replication_slots',
  'pg_table_size',
  'pg_tablespace_size',
  'pg_terminate_backend',
  'pg_total_relation_size',
  'pg_try_advisory_lock',
  'pg_try_advisory_lock_shared',
  'pg_try_advisory_xact_lock',
  'pg_try_advisory_xact_lock_shared',
  'pg_wal_replay_pause',
  'pg_wal_replay_resume',
  'pg_xact_commit_timestamp',
  'pg_xact_commit_timestamp_origin',
  'pg_xact_status',
  'plpgsql_call_handler',
  'plpgsql_inline_handler',
  'plpgsql_validator',
  'query_to_xml',
  'query_to_xml_and_xmlschema',
  'query_to_xmlschema',
  'random',
  'random_normal',
  'set_config',
  'setseed',
  'setval',
  'spghandler',
  'suppress_redundant_updates_trigger',
  'system',
  'timeofday',
  'tsvector_update_trigger',
  'tsvector_update_trigger_column',
  'txid_status',
  'unique_key_recheck',
  'uuidv4',
  'uuidv7',
];

/** Volatile functions of common extensions (uuid-ossp, pgcrypto): not in `pg_catalog`, but often in defaults. */
export const VOLATILE_EXTENSION_FUNCTIONS: readonly string[] = [
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'gen_random_bytes',
  'gen_salt',
];

const VOLATILE: ReadonlySet<string> = new Set([...VOLATILE_CATALOG_FUNCTIONS, ...VOLATILE_EXTENSION_FUNCTIONS].map((name) => name.toLowerCase()));

/** Keywords written like a call that are syntax, not functions (`CAST(…)`, `COALESCE(…)`). */
const CALL_SYNTAX: ReadonlySet<string> = new Set([
  'CAST', 'COALESCE', 'NULLIF', 'GREATEST', 'LEAST', 'ROW', 'ARRAY', 'EXISTS', 'IN', 'ANY', 'ALL', 'SOME',
  'VALUES', 'NOT', 'AND', 'OR', 'IS', 'AS', 'THEN', 'ELSE', 'WHEN', 'CASE', 'LIKE', 'ILIKE', 'SIMILAR', 'BETWEEN',
  'OVER', 'FILTER', 'WITHIN', 'VARCHAR', 'NUMERIC', 'DECIMAL', 'CHAR', 'CHARACTER', 'VARYING', 'TIMESTAMP', 'TIME',
  'INTERVAL', 'BIT', 'FLOAT', 'USING', 'ON', 'WHERE', 'SELECT', 'FROM',
]);

/** A function called in an expression: its name (lower-cased, last part of a qualified name) and where it is. */
export interface FunctionCall {
  readonly name: string;
  readonly qualified: string;
  readonly start: number;
  readonly end: number;
}

/** The functions an expression calls (`name(` outside strings), in order. */
export function functionCalls(tokens: readonly Token[]): FunctionCall[] {
  const calls: FunctionCall[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (!token || next?.type !== 'punct' || next.value !== '(') continue;
    if (token.type !== 'word' && token.type !== 'quoted') continue;
    if (token.type === 'word' && CALL_SYNTAX.has(token.value)) continue;
    // `x::varchar(10)`: a type modifier, not a call.
    const before = tokens[i - 1];
    if (before?.type === 'punct' && before.value === ':') continue;
    let first = i;
    while (tokens[first - 1]?.type === 'punct' && tokens[first - 1]?.value === '.' && tokens[first - 2]) first -= 2;
    const name = token.type === 'word' ? token.value.toLowerCase() : token.value;
    const qualified = tokens
      .slice(first, i + 1)
      .filter((part) => part.type !== 'punct')
      .map((part) => (part.type === 'word' ? part.value.toLowerCase() : part.value))
      .join('.');
    calls.push({ name, qualified, start: tokens[first]?.start ?? token.start, end: token.end });
  }
  return calls;
}

/** The first volatile function an expression calls (it makes every row's value different), or null. */
export function firstVolatileCall(tokens: readonly Token[]): FunctionCall | null {
  return functionCalls(tokens).find((call) => VOLATILE.has(call.name)) ?? null;
}
