package dev.tandem.catalog.internal;

import dev.tandem.accounts.TeamMembership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A user belongs to a team when the catalog person with the user's name is one of its members. */
@Component
class CatalogMembership implements TeamMembership {

    private final JdbcClient jdbc;

    CatalogMembership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isMember(String username, String teamName) {
        return jdbc.sql("""
                select count(*) from team_members m join people p on p.id = m.person_id join teams t on t.id = m.team_id
                where p.name = ? and t.name = ?""")
                .params(username, teamName).query(Long.class).single() > 0;
    }
}
