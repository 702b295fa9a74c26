package org.erplab.pathways.benchmark;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Copies of real pathways made in SQL: every row that the real code paths wrote for a template pathway, in every
 * table (the engine's runtime and history tables and ours), inserted again {@code n} times with
 * {@code generate_series}, each copy with ids of its own. A million pathways through the engine would take days
 * here (40 to 70 pathways/s); a copy costs only the inserts.
 *
 * <p>Why the copies are the rows the real code would have written:
 * <ol>
 *   <li><b>What a template wrote</b> is found by difference, not by a list of tables: before the templates every row
 *       of every table is fingerprinted ({@code md5} of the row's text); after each template pathway, the rows whose
 *       fingerprint is new are its rows ({@code bench_tpl_<table>}, with the template's number). A table the code
 *       writes to and this class does not know is therefore copied too. Tables of definitions, identities,
 *       configuration and metrics are left out ({@link #SHARED_TABLES}), and so is a new row that holds none of the
 *       template's ids (printed as shared).
 *   <li><b>The template's ids</b> are the UUIDs (ids are UUIDs: the engine's {@code strong} id generator and ours)
 *       found in its rows that existed nowhere before the templates (deployments, definitions, job definitions,
 *       users...) and in no other template's rows. Every occurrence of such an id, whole or inside a longer text
 *       (activity instance ids {@code Task_X:<uuid>}, business keys, variables holding the pathway id, JSON details,
 *       byte arrays holding text), is replaced in copy {@code g} by {@code md5(id || '#' || g)::uuid}: one function
 *       of the id, so that every reference between rows (execution to parent, task to execution, variable to
 *       scope, history to instance, our {@code pathway.process_instance_id} to the engine, the business key to
 *       {@code pathway.id}) stays a reference in the copy, and copies never collide.
 *   <li><b>Other values</b> are kept: definitions, tenants, candidate groups, form keys, variable values, stage,
 *       status, outcome. Only what must be unique is renewed: the fiscal code ({@code fiscal_code} columns:
 *       {@code md5} of the code and {@code g}, 16 characters), and columns filled by a sequence or an identity
 *       (left to their default). Every timestamp and date of a copy is moved back by the same number of seconds
 *       (drawn from {@code g}, up to the template's {@code maxShiftSeconds}) so that copies are spread in time as
 *       real pathways are; what the engine keeps as numbers (a date variable's {@code LONG_}) is not moved.
 *   <li>The copies go table after table in the order of the foreign keys, without the database checking them (as a
 *       restore does); instead the rows per table of a copy are counted again from its ids and compared with the
 *       template's ({@link #rowsOfTemplateAndCopy}), and copies are read and worked through the API.
 * </ol>
 * An event the code appended to a project's or the system's audit chain (not the pathway's) is appended to the same
 * chain in the copy, numbered {@code g} × {@value #SHARED_CHAIN_STRIDE} above the template's number.
 * What is not the same: the audit chain's hashes are copied, not recomputed (the chain of a copy does not verify:
 * {@code GET /api/pathways/{id}/audit/verification} would say so; reading the trail does not check them), and the
 * people of copies of one template share name and birth date (not unique anywhere).
 *
 * <p>Used by {@code GrowthBenchmark} and by {@code cluster.TimersSuite} (copies waiting at the CPI's verification).
 */
public final class PathwayCloner {

  static final Pattern UUID_PATTERN = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  static final Set<String> SHARED_TABLES = Set.of("flyway_schema_history", "act_ge_property", "act_ge_schema_log",
      "act_ru_meter_log", "act_ru_task_meter_log", "act_ru_jobdef", "act_ru_filter", "login_throttle",
      "act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out");

  /** Numbers of copy {@code g}'s events in a shared audit chain start at {@code g} times this. */
  static final long SHARED_CHAIN_STRIDE = 1_000_000;

  private final JdbcClient jdbc;
  private final Map<String, List<Column>> columns = new LinkedHashMap<>();
  private final Set<String> sharedIds = new HashSet<>();
  private final Map<Integer, Template> templates = new LinkedHashMap<>();
  private List<String> insertOrder;

  record Column(String name, String type, boolean insertable) {}

  /** One template pathway: its rows per table, the ids to renew, and how far back its copies may be moved. */
  public record Template(int number, String name, String pathwayId, long maxShiftSeconds, Map<String, Integer> rows,
      Set<String> ids) {}

  public PathwayCloner(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Fingerprints every row, and notes every UUID the database holds before the templates (shared ids). */
  public void before() {
    for (String table : jdbc.sql("""
            select table_name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'bench\\_%'
            order by table_name""").query(String.class).list()) {
      if (SHARED_TABLES.contains(table) || table.startsWith("act_re_") || table.startsWith("act_id_")) {
        continue;
      }
      columns.put(table, jdbc.sql("""
              select column_name, data_type,
                     is_identity = 'NO' and is_generated = 'NEVER' and coalesce(column_default, '') not like 'nextval%'
              from information_schema.columns where table_schema = current_schema() and table_name = ?
              order by ordinal_position""").param(table)
          .query((rs, i) -> new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list());
    }
    jdbc.sql("create unlogged table if not exists bench_seen (tbl varchar(64), h varchar(32))").update();
    jdbc.sql("truncate bench_seen").update();
    for (String table : columns.keySet()) {
      jdbc.sql("drop table if exists " + staging(table)).update();
      jdbc.sql("create unlogged table " + staging(table) + " as select 0 as bench_tpl, t.* from " + table
          + " t where false").update();
      jdbc.sql("insert into bench_seen select '" + table + "', md5(t::text) from " + table + " t").update();
    }
    jdbc.sql("create index on bench_seen (tbl, h)").update();
    // every uuid anywhere before the templates: definitions, deployments, job definitions, users' data
    List<String> all = new ArrayList<>(columns.keySet());
    jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema() "
        + "and (table_name like 'act\\_re\\_%' or table_name like 'act\\_id\\_%' or table_name = 'act_ru_jobdef')")
        .query(String.class).list().forEach(all::add);
    for (String table : all) {
      sharedIds.addAll(jdbc.sql("select distinct m[1] from " + table + " t, regexp_matches(t::text, '"
          + UUID_PATTERN.pattern() + "', 'g') m").query(String.class).list());
    }
  }

  static String staging(String table) {
    return "bench_tpl_" + table;
  }

  /** Takes the rows written since the last call as template {@code number}'s (call it after each template). */
  public Template capture(int number, String name, String pathwayId, long maxShiftSeconds) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (String table : columns.keySet()) {
      int n = jdbc.sql("insert into " + staging(table) + " select ?, t.* from " + table + " t where not exists ("
          + "select 1 from bench_seen s where s.tbl = ? and s.h = md5(t::text))").params(number, table).update();
      if (n > 0) {
        rows.put(table, n);
        jdbc.sql("insert into bench_seen select ?, md5(t::text) from " + table + " t where not exists ("
            + "select 1 from bench_seen s where s.tbl = ? and s.h = md5(t::text))").params(table, table).update();
      }
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String table : rows.keySet()) {
      ids.addAll(jdbc.sql("select distinct m[1] from " + staging(table) + " t, regexp_matches(t::text, '"
          + UUID_PATTERN.pattern() + "', 'g') m where t.bench_tpl = ?").param(number).query(String.class).list());
    }
    ids.removeAll(sharedIds);
    Template template = new Template(number, name, pathwayId, maxShiftSeconds, rows, ids);
    templates.put(number, template);
    return template;
  }

  /**
   * Ids found in two templates are not a pathway's (something made while the templates ran, shared by them): kept
   * as they are. Call once after the last capture.
   */
  public void seal() {
    Map<String, Integer> seen = new HashMap<>();
    templates.values().forEach(t -> t.ids().forEach(id -> seen.merge(id, 1, Integer::sum)));
    templates.values().forEach(t -> t.ids().removeIf(id -> seen.get(id) > 1));
    insertOrder = foreignKeyOrder();
  }

  Map<Integer, Template> templates() {
    return templates;
  }

  /** Our tables and the engine's, parents before children (foreign keys). */
  private List<String> foreignKeyOrder() {
    Map<String, Set<String>> parents = new HashMap<>();
    jdbc.sql("""
            select c.relname, p.relname from pg_constraint k join pg_class c on c.oid = k.conrelid
            join pg_class p on p.oid = k.confrelid where k.contype = 'f' and c.oid <> p.oid""")
        .query((rs, i) -> parents.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2))).list();
    List<String> order = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    List<String> left = new ArrayList<>(columns.keySet());
    while (!left.isEmpty()) {
      boolean progress = false;
      for (String table : List.copyOf(left)) {
        Set<String> needs = new HashSet<>(parents.getOrDefault(table, Set.of()));
        needs.retainAll(columns.keySet());
        if (placed.containsAll(needs)) {
          order.add(table);
          placed.add(table);
          left.remove(table);
          progress = true;
        }
      }
      if (!progress) {
        order.addAll(left);
        break;
      }
    }
    return order;
  }

  /**
   * The insert that copies template {@code t}'s rows of {@code table} for copies {@code ?..?} (the two parameters),
   * or null if the template has no rows there that hold one of its ids.
   */
  String copySql(Template template, String table) {
    if (!template.rows().containsKey(table)) {
      return null;
    }
    List<String> targets = new ArrayList<>();
    List<String> values = new ArrayList<>();
    boolean ownsRows = false;
    for (Column column : columns.get(table)) {
      if (!column.insertable()) {
        continue;
      }
      String c = "s." + quote(column.name());
      String expression = c;
      String type = column.type();
      if (type.startsWith("timestamp")) {
        expression = c + " - shift * interval '1 second'";
      } else if (type.equals("date")) {
        expression = "cast(" + c + " - shift * interval '1 second' as date)";
      } else if (column.name().equalsIgnoreCase("fiscal_code")) {
        expression = "upper(substr(md5(" + c + " || '#' || g), 1, " + 16 + "))";
      } else if (type.equals("uuid") || type.contains("char") || type.equals("text")) {
        List<String> distinct = jdbc.sql("select distinct cast(" + c + " as text) from " + staging(table)
            + " s where s.bench_tpl = ? and " + c + " is not null").param(template.number()).query(String.class).list();
        Set<String> found = new TreeSet<>();
        boolean whole = !distinct.isEmpty();
        for (String value : distinct) {
          Matcher m = UUID_PATTERN.matcher(value);
          boolean any = false;
          while (m.find()) {
            if (template.ids().contains(m.group())) {
              found.add(m.group());
              any = true;
            }
          }
          whole &= any && template.ids().contains(value);
        }
        if (!found.isEmpty()) {
          ownsRows = true;
          if (type.equals("uuid")) {
            expression = "cast(md5(cast(" + c + " as text) || '#' || g) as uuid)";
          } else if (whole) {
            expression = "cast(cast(md5(" + c + " || '#' || g) as uuid) as text)";
          } else {
            expression = c;
            for (String id : found) {
              expression = "replace(" + expression + ", '" + id + "', cast(cast(md5('" + id + "#' || g) as uuid) as text))";
            }
          }
        }
      } else if (type.equals("bytea")) {
        Set<String> found = new TreeSet<>();
        for (byte[] bytes : jdbc.sql("select " + c + " from " + staging(table) + " s where s.bench_tpl = ? and "
            + c + " is not null").param(template.number()).query(byte[].class).list()) {
          String text = utf8(bytes);
          Matcher m = UUID_PATTERN.matcher(text == null ? new String(bytes, StandardCharsets.ISO_8859_1) : text);
          while (m.find()) {
            if (template.ids().contains(m.group())) {
              if (text == null) {
                throw new IllegalStateException(table + "." + column.name() + " holds id " + m.group()
                    + " in bytes that are not text: cannot be copied faithfully");
              }
              found.add(m.group());
            }
          }
        }
        if (!found.isEmpty()) {
          expression = "convert_from(" + c + ", 'UTF8')";
          for (String id : found) {
            expression = "replace(" + expression + ", '" + id + "', cast(cast(md5('" + id + "#' || g) as uuid) as text))";
          }
          expression = "convert_to(" + expression + ", 'UTF8')";
        }
      }
      targets.add(quote(column.name()));
      values.add(expression);
    }
    if (!ownsRows) {
      return null;
    }
    if (table.equals("audit_event")) {
      // events the code appended to a project's or the system's chain (no pathway's): the copy's are appended to
      // the same chain, numbered above the templates' (every template's events there have distinct numbers)
      int key = targets.indexOf("chain_key");
      int seq = targets.indexOf("chain_seq");
      values.set(seq, "case when " + values.get(key) + " = s.chain_key then s.chain_seq + cast(g as bigint) * "
          + SHARED_CHAIN_STRIDE + " else s.chain_seq end");
    }
    return "insert into " + table + " (" + String.join(", ", targets) + ") select " + String.join(", ", values)
        + " from " + staging(table) + " s cross join (select g, (hashtext('shift' || g) & 2147483647) % "
        + Math.max(1, template.maxShiftSeconds()) + " as shift from generate_series(cast(? as integer), "
        + "cast(? as integer)) g) copies where s.bench_tpl = " + template.number();
  }

  /**
   * Copies number {@code from..to} (both included) of the template, table after table, on {@code loader}: a
   * connection of its own in {@code session_replication_role = replica} (see {@link #loader}); rows inserted.
   */
  public long copy(JdbcClient loader, Template template, int from, int to) {
    long rows = 0;
    for (String table : insertOrder) {
      String sql = sqlCache.computeIfAbsent(template.number() + "|" + table,
          k -> java.util.Optional.ofNullable(copySql(template, table))).orElse(null);
      if (sql != null) {
        rows += loader.sql(sql).params(from, to).update();
      }
    }
    return rows;
  }

  private final Map<String, java.util.Optional<String>> sqlCache = new HashMap<>();

  /**
   * A connection for the copies that skips the foreign-key checks and triggers ({@code session_replication_role =
   * replica}, as a restore does): every reference of a copy points where its template's does, mapped by the same
   * function, and {@link #rowsOfTemplateAndCopy} finds the rows again; the triggers only refuse updates and deletes
   * of the audit record. Each statement commits without waiting for the disk ({@code synchronous_commit = off}).
   */
  public static JdbcClient loader(java.sql.Connection connection) throws java.sql.SQLException {
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute("set session_replication_role = replica");
      statement.execute("set synchronous_commit = off");
    }
    return JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
  }

  /** Tables where the template's new rows hold none of its ids: not copied (shared by the templates). */
  Map<String, Integer> sharedRows(Template template) {
    Map<String, Integer> shared = new LinkedHashMap<>();
    for (String table : template.rows().keySet()) {
      if (copySql(template, table) == null) {
        shared.put(table, template.rows().get(table));
      }
    }
    return shared;
  }

  /** Copy {@code g}'s value of an id of the template (what the SQL computes). */
  static String copyOf(String id, int g) {
    return md5Uuid(id + "#" + g);
  }

  static String md5Uuid(String text) {
    try {
      byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : md5) {
        hex.append(String.format("%02x", b));
      }
      return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
          + hex.substring(16, 20) + "-" + hex.substring(20)).toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Rows per table of the template, and of its copy {@code g}, each found again in the live tables by the ids it
   * must hold (the first column whose values are all the template's ids): the copy must match the template.
   */
  Map<String, long[]> rowsOfTemplateAndCopy(Template template, int g) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (String table : insertOrder) {
      if (copySql(template, table) == null) {
        continue;
      }
      for (Column column : columns.get(table)) {
        if (!(column.type().equals("uuid") || column.type().contains("char"))) {
          continue;
        }
        String c = quote(column.name());
        List<String> values = jdbc.sql("select distinct cast(" + c + " as text) from " + staging(table)
            + " s where s.bench_tpl = ?").param(template.number()).query(String.class).list();
        if (values.isEmpty() || values.contains(null) || !template.ids().containsAll(values)) {
          continue;
        }
        List<String> copies = values.stream().map(v -> copyOf(v, g)).toList();
        long original = jdbc.sql("select count(*) from " + table + " where cast(" + c + " as text) in (:ids)")
            .param("ids", values).query(Long.class).single();
        long copy = jdbc.sql("select count(*) from " + table + " where cast(" + c + " as text) in (:ids)")
            .param("ids", copies).query(Long.class).single();
        counts.put(table + "." + column.name(), new long[] {template.rows().get(table), original, copy});
        break;
      }
    }
    return counts;
  }

  public void dropStaging() {
    for (String table : columns.keySet()) {
      jdbc.sql("drop table if exists " + staging(table)).update();
    }
    jdbc.sql("drop table if exists bench_seen").update();
  }

  private static String quote(String name) {
    return name.equals(name.toLowerCase()) && name.matches("[a-z_][a-z0-9_]*") ? name : '"' + name + '"';
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static String describe(Map<String, Integer> rows) {
    return rows.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }
}
