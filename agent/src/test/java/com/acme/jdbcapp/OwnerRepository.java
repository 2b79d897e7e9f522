package com.acme.jdbcapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The timed caller of a statement: its self time must leave the statement's time out. It holds its
 * connection, so the statement is the only timed call inside {@link #countNamed}.
 */
public final class OwnerRepository implements AutoCloseable {

    static final String POSTGRES_COUNT = "SELECT COUNT(*) FROM owners, pg_sleep(0.02) WHERE name <> ?";
    static final String H2_COUNT = "SELECT COUNT(*) FROM owners a, owners b, owners c, owners d WHERE a.name <> ?";

    private final Connection connection;
    private final String countQuery;

    OwnerRepository(Connection connection, boolean postgres) {
        this.connection = connection;
        // A query that takes a while, so the caller's self time differs plainly from its total.
        this.countQuery = postgres ? POSTGRES_COUNT : H2_COUNT;
    }

    public long countNamed(String name) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(countQuery)) {
            count.setString(1, name);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
