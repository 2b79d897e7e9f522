package com.acme.jdbcapp;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A small JDBC workload with known counts, on H2 embedded ({@code h2}) or on a PostgreSQL server
 * through a HikariCP pool ({@code postgresql URL USER}). Literal and bind values are distinctive
 * words the test then looks for in the whole report: none may be there.
 */
public final class JdbcApp {

    public static final int CONNECTIONS = 8;
    public static final int ROWS = 12;
    public static final int CITY_QUERIES = 5;
    public static final int IN_QUERIES = 3;
    public static final int LOOKUPS = 7;
    public static final int COUNTS = 4;
    /** Values that must never reach a report. */
    public static final String[] SECRETS = {"Zebulon-Secret", "Secretville", "Otherplace", "k-alpha", "k-gamma",
        "Batchtown", "Querybind"};

    private JdbcApp() {
    }

    public static void main(String[] args) throws Exception {
        DataSource dataSource = args[0].equals("h2") ? h2() : hikari(args[1], args[2]);
        try {
            run(dataSource, args[0].equals("postgresql"));
        } finally {
            if (dataSource instanceof AutoCloseable) {
                ((AutoCloseable) dataSource).close();
            }
        }
        System.out.println("jdbc app done");
    }

    private static DataSource h2() {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static DataSource hikari(String url, String user) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(2);
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

    private static void run(DataSource dataSource, boolean postgres) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE owners (id INT PRIMARY KEY, name VARCHAR(100), city VARCHAR(100))");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO owners (id, name, city) VALUES (?, ?, ?)")) {
            for (int id = 1; id <= ROWS; id++) {
                insert.setInt(1, id);
                insert.setString(2, "Zebulon-Secret " + id);
                insert.setString(3, id % 2 == 0 ? "Secretville" : "Otherplace");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < CITY_QUERIES; i++) {
                String city = i < 3 ? "Secretville" : "Otherplace";
                drain(statement.executeQuery("SELECT name FROM owners WHERE city = '" + city + "'"));
            }
            drain(statement.executeQuery("SELECT id FROM owners WHERE name IN ('k-alpha', 'k-beta', 'k-gamma')"));
            drain(statement.executeQuery("SELECT id FROM owners WHERE name IN ('k-alpha')"));
            drain(statement.executeQuery("SELECT id FROM owners WHERE name in ('k-gamma','k-alpha', 'k-beta', 'k-delta')"));
            statement.addBatch("UPDATE owners SET city = 'Batchtown' WHERE id = 1");
            statement.addBatch("UPDATE owners SET city = 'Batchtown' WHERE id = 2");
            statement.executeBatch();
            try {
                statement.executeQuery("SELECT * FROM no_such_table WHERE name = 'Zebulon-Secret'");
                throw new IllegalStateException("a query on a missing table succeeded");
            } catch (SQLException expected) {
                System.out.println("failing statement failed as it should");
            }
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lookup = connection.prepareStatement("SELECT id, name FROM owners WHERE name = ? OR id = ?")) {
            for (int i = 0; i < LOOKUPS; i++) {
                lookup.setString(1, "Querybind");
                lookup.setInt(2, i);
                drain(lookup.executeQuery());
            }
        }
        try (OwnerRepository repository = new OwnerRepository(dataSource.getConnection(), postgres)) {
            for (int i = 0; i < COUNTS; i++) {
                repository.countNamed("Querybind");
            }
        }
        for (int i = 0; i < CONNECTIONS - 5; i++) {
            dataSource.getConnection().close();
        }
    }

    static void drain(ResultSet rows) throws SQLException {
        try (rows) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }
}
