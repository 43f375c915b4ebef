package io.qalam.ingest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * The tables and columns as the database describes them, and how each column's values are
 * written into an export and read back: the same for H2 and PostgreSQL, so an export from
 * one restores into the other. Names are kept in lower case, as the migrations write
 * them.
 */
final class ArchiveSchema {

	private ArchiveSchema() {
	}

	/** One column: its name, its kind of value, and whether the database numbers it. */
	record Column(String name, Kind kind, boolean identity) {
	}

	/** The kinds of value the migrations use. */
	enum Kind {

		BOOLEAN, SMALLINT, INTEGER, BIGINT, DECIMAL, TEXT, DATE, TIMESTAMP, TIMESTAMP_WITH_ZONE

	}

	/** The tables of the connection's schema. */
	static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (ResultSet rs = connection.getMetaData()
			.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

	/** How many rows the table holds. */
	static long count(Connection connection, String table) throws SQLException {
		try (java.sql.PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** The table's columns, in the table's order. */
	static List<Column> columns(Connection connection, String table) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		List<Column> columns = new ArrayList<>();
		try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), stored(meta, table),
				null)) {
			while (rs.next()) {
				String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
				columns
					.add(new Column(name, kind(table + "." + name, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")),
							"YES".equals(rs.getString("IS_AUTOINCREMENT"))));
			}
		}
		return columns;
	}

	/** The primary key's columns, or none. */
	static List<String> primaryKey(Connection connection, String table) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		List<String> key = new ArrayList<>();
		List<Short> positions = new ArrayList<>();
		try (ResultSet rs = meta.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), stored(meta, table))) {
			while (rs.next()) {
				int at = 0;
				short position = rs.getShort("KEY_SEQ");
				while (at < positions.size() && positions.get(at) < position) {
					at++;
				}
				positions.add(at, position);
				key.add(at, rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return key;
	}

	private static String stored(DatabaseMetaData meta, String name) throws SQLException {
		return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
	}

	private static Kind kind(String column, int type, String typeName) {
		String name = (typeName != null) ? typeName.toLowerCase(Locale.ROOT) : "";
		return switch (type) {
			case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
			case Types.TINYINT, Types.SMALLINT -> Kind.SMALLINT;
			case Types.INTEGER -> Kind.INTEGER;
			case Types.BIGINT -> Kind.BIGINT;
			case Types.DECIMAL, Types.NUMERIC -> Kind.DECIMAL;
			case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
					Types.CLOB ->
				Kind.TEXT;
			case Types.DATE -> Kind.DATE;
			case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP_WITH_ZONE;
			// PostgreSQL's driver calls timestamptz a TIMESTAMP and tells it by its name
			case Types.TIMESTAMP ->
				(name.contains("tz") || name.contains("time zone")) ? Kind.TIMESTAMP_WITH_ZONE : Kind.TIMESTAMP;
			default -> throw new IllegalStateException(
					"The export does not know how to keep column " + column + " of type " + typeName);
		};
	}

	/**
	 * A column's value as the export writes it: a JSON string, number, boolean or null.
	 */
	static Object read(ResultSet rs, int index, Kind kind) throws SQLException {
		Object value = switch (kind) {
			case BOOLEAN -> rs.getBoolean(index);
			case SMALLINT, INTEGER -> rs.getInt(index);
			case BIGINT -> rs.getLong(index);
			// as text: a JSON number would pass through a double on its way back
			case DECIMAL -> {
				BigDecimal decimal = rs.getBigDecimal(index);
				yield (decimal != null) ? decimal.toPlainString() : null;
			}
			case TEXT -> rs.getString(index);
			case DATE -> {
				LocalDate date = rs.getObject(index, LocalDate.class);
				yield (date != null) ? date.toString() : null;
			}
			case TIMESTAMP -> {
				LocalDateTime time = rs.getObject(index, LocalDateTime.class);
				yield (time != null) ? time.toString() : null;
			}
			case TIMESTAMP_WITH_ZONE -> {
				OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
				yield (time != null) ? time.withOffsetSameInstant(ZoneOffset.UTC).toString() : null;
			}
		};
		return rs.wasNull() ? null : value;
	}

	/**
	 * A value from an export, as the column takes it.
	 * @throws IllegalArgumentException when the value is not of the column's kind
	 */
	static Object value(JsonNode node, Column column) {
		if (node == null || node.isNull()) {
			return null;
		}
		try {
			return switch (column.kind()) {
				case BOOLEAN -> {
					if (!node.isBoolean()) {
						throw new IllegalArgumentException("not true or false");
					}
					yield node.booleanValue();
				}
				case SMALLINT -> (short) whole(node, Short.MIN_VALUE, Short.MAX_VALUE);
				case INTEGER -> (int) whole(node, Integer.MIN_VALUE, Integer.MAX_VALUE);
				case BIGINT -> whole(node, Long.MIN_VALUE, Long.MAX_VALUE);
				case DECIMAL -> new BigDecimal(text(node));
				case TEXT -> text(node);
				case DATE -> LocalDate.parse(text(node));
				case TIMESTAMP -> LocalDateTime.parse(text(node));
				case TIMESTAMP_WITH_ZONE -> OffsetDateTime.parse(text(node));
			};
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("column " + column.name() + ": " + node + " is not a "
					+ column.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + ex.getMessage() + ")",
					ex);
		}
	}

	private static long whole(JsonNode node, long min, long max) {
		if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
			throw new IllegalArgumentException("not a whole number in range");
		}
		return node.longValue();
	}

	private static String text(JsonNode node) {
		if (!node.isString()) {
			throw new IllegalArgumentException("not text");
		}
		return node.asString();
	}

}
