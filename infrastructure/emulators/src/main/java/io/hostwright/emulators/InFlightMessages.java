package io.hostwright.emulators;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages in flight in ElasticMQ's H2 database, between two instances: received at least once and not visible yet.
 * Found by the columns ElasticMQ's SQL persistence gives every message table ({@code next_delivery},
 * {@code receive_count}), so a queue's table name (a hash of the queue's) need not be known.
 */
final class InFlightMessages {

    private InFlightMessages() {
    }

    /**
     * Makes every message received at least once and still invisible at {@code nowMillis} visible at
     * {@code nowMillis}; a message never received keeps its delay.
     *
     * @return how many were made visible
     */
    static int release(String databaseUri, long nowMillis) {
        try (Connection db = DriverManager.getConnection(databaseUri, "", "")) {
            int released = 0;
            for (String table : messageTables(db)) {
                try (PreparedStatement update = db.prepareStatement("update \"" + table.replace("\"", "\"\"")
                        + "\" set next_delivery = ? where receive_count > 0 and next_delivery > ?")) {
                    update.setLong(1, nowMillis);
                    update.setLong(2, nowMillis);
                    released += update.executeUpdate();
                }
            }
            return released;
        } catch (SQLException e) {
            throw new EmulatorStartException("could not make the messages in flight when ElasticMQ last stopped "
                    + "visible again: " + e.getMessage(), e);
        }
    }

    private static List<String> messageTables(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("""
                select c.table_name from information_schema.columns c
                where c.table_schema = 'PUBLIC' and upper(c.column_name) in ('NEXT_DELIVERY', 'RECEIVE_COUNT')
                group by c.table_name having count(*) = 2""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
