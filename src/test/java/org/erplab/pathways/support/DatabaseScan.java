package org.erplab.pathways.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javax.sql.DataSource;

/** Searches every column of every row of the chosen tables (text and binary) for marker values. */
public final class DatabaseScan {

  private DatabaseScan() {}

  /** A marker found in a table: where, and in which row (first 200 characters). */
  public record Hit(String table, String column, String marker, String row) {}

  public static List<String> tables(DataSource dataSource, Predicate<String> include) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        String schema = rs.getString("TABLE_SCHEM");
        if (schema != null && (schema.equalsIgnoreCase("information_schema") || schema.startsWith("pg_"))) {
          continue;
        }
        if (include.test(name)) {
          tables.add(name);
        }
      }
    }
    return tables;
  }

  /**
   * @param rowFilter SQL condition limiting the rows of a table, or null for all rows (e.g. to skip deployed
   *     model resources in act_ge_bytearray, which legitimately name the option codes)
   */
  public static List<Hit> search(DataSource dataSource, Collection<String> tables, Collection<String> markers,
      java.util.function.Function<String, String> rowFilter) throws SQLException {
    List<Hit> hits = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : tables) {
        String where = rowFilter.apply(table);
        try (ResultSet rs = statement.executeQuery("select * from " + table + (where == null ? "" : " where " + where))) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            List<String[]> cells = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              String text = text(rs, i, meta.getColumnType(i));
              if (text != null) {
                cells.add(new String[] {meta.getColumnName(i), text});
                row.append(meta.getColumnName(i)).append('=').append(text).append(' ');
              }
            }
            for (String[] cell : cells) {
              for (String marker : markers) {
                if (cell[1].toLowerCase(Locale.ROOT).contains(marker.toLowerCase(Locale.ROOT))) {
                  hits.add(new Hit(table, cell[0], marker, row.substring(0, Math.min(200, row.length()))));
                }
              }
            }
          }
        }
      }
    }
    return hits;
  }

  private static String text(ResultSet rs, int column, int type) throws SQLException {
    if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB) {
      byte[] bytes = rs.getBytes(column);
      return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8) + new String(bytes, StandardCharsets.ISO_8859_1);
    }
    Object value = rs.getObject(column);
    return value == null ? null : value.toString();
  }

}
