package io.recollect.invoicing;

import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.NotPermittedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plain-language descriptions of industry service codes (medical procedure codes, say) for what
 * customers read. The shipped catalogue is a small HCPCS Level II subset
 * ({@code service-codes/hcpcs-level2-subset.csv}); finance uploads its own CSV, whose codes
 * override the shipped ones.
 */
@Service
public class ServiceCodeCatalogue {

    static final String SHIPPED = "service-codes/hcpcs-level2-subset.csv";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, String> shipped;

    ServiceCodeCatalogue(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.shipped = loadShipped();
    }

    /** The description of each of these codes that the catalogue knows; unknown codes are absent. */
    @Transactional(readOnly = true)
    public Map<String, String> describe(Collection<String> codes) {
        Set<String> wanted = new LinkedHashSet<>(codes);
        Map<String, String> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        wanted.forEach(code -> {
            if (shipped.containsKey(code)) {
                found.put(code, shipped.get(code));
            }
        });
        jdbc.query("select code, description from service_codes where code in (:codes)",
                new MapSqlParameterSource("codes", wanted),
                rs -> {
                    found.put(rs.getString("code"), rs.getString("description"));
                });
        return found;
    }

    /**
     * Adds or replaces the codes of a CSV ({@code code,description} with that header). Every line
     * is checked first; one bad line refuses the whole file, naming each bad line, and writes nothing.
     */
    @Transactional
    public int upload(String csv) {
        CurrentUser user = CurrentUser.get().filter(u -> u.inAny(Roles.FINANCE, Roles.ADMIN))
                .orElseThrow(() -> new NotPermittedException("service-codes-for-finance",
                        "Only finance and admins change the service-code catalogue"));
        List<ServiceCodeCsv.Row> rows = ServiceCodeCsv.parse(csv);
        List<String> codes = rows.stream().map(ServiceCodeCsv.Row::code).toList();
        jdbc.update("delete from service_codes where code in (:codes)", new MapSqlParameterSource("codes", codes));
        jdbc.batchUpdate("insert into service_codes (code, description, uploaded_by, uploaded_at)"
                + " values (:code, :description, :user, :at)", rows.stream()
                        .map(row -> new MapSqlParameterSource().addValue("code", row.code())
                                .addValue("description", row.description()).addValue("user", user.id())
                                .addValue("at", clock.instant().atOffset(ZoneOffset.UTC)))
                        .toArray(MapSqlParameterSource[]::new));
        return rows.size();
    }

    private static Map<String, String> loadShipped() {
        try (InputStream in = new ClassPathResource(SHIPPED).getInputStream()) {
            Map<String, String> codes = new HashMap<>();
            ServiceCodeCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .forEach(row -> codes.put(row.code(), row.description()));
            return Map.copyOf(codes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SHIPPED, e);
        }
    }
}
