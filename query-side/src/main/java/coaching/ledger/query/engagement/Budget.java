package coaching.ledger.query.engagement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

public record Budget(int sessions, BigDecimal amount, String currency) {

    /** The approved budget of an engagement row, or null before the boss approved one. */
    static Budget of(ResultSet rs) throws SQLException {
        String currency = rs.getString("budget_currency");
        return currency == null
                ? null
                : new Budget(rs.getInt("budget_sessions"), rs.getBigDecimal("budget_amount"), currency);
    }
}
