package io.recollect.reporting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param periodDays the days up to today over which sales, collections, emails, promises and
 *                   write-offs are counted, and by which DSO scales (README, Portfolio dashboard)
 */
@Validated
@ConfigurationProperties("recollect.reporting")
record ReportingProperties(@DefaultValue("90") @Min(1) @Max(3660) int periodDays) {
}
