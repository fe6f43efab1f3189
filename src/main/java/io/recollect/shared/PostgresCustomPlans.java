package io.recollect.shared;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL connections plan each statement for its parameters and the tables as they are
 * ({@code plan_cache_mode = force_custom_plan}). A prepared statement's cached generic plan is
 * made once per connection for the table sizes of that moment, and the job table, the outbox and
 * the run's own tables start a morning nearly empty: a plan cached then (a sequential scan)
 * stays until the table is analyzed, which a server without autovacuum never does. A URL that
 * sets {@code options} itself is left alone.
 */
@Component
class PostgresCustomPlans implements BeanPostProcessor {

    static final String OPTIONS = "-c plan_cache_mode=force_custom_plan";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:") && !hikari.getJdbcUrl().contains("options=")
                && !hikari.getDataSourceProperties().containsKey("options")) {
            hikari.addDataSourceProperty("options", OPTIONS);
        }
        return bean;
    }
}
