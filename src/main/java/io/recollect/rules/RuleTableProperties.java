package io.recollect.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How rule-table versions are governed.
 *
 * @param fourEyes          whether the uploader of a version is refused its activation (turn off for a one-person office)
 * @param maxUploadSize     a workbook larger than this is refused before it is opened
 * @param maxUnpackedSize   what the workbook's zip entries may unpack to together; more is refused as a zip bomb
 * @param maxInflateRatio   how many times its compressed size a large entry may unpack to before it is refused as a zip bomb
 */
@ConfigurationProperties("recollect.rules")
public record RuleTableProperties(@DefaultValue("true") boolean fourEyes,
        @DefaultValue("2MB") DataSize maxUploadSize, @DefaultValue("50MB") DataSize maxUnpackedSize,
        @DefaultValue("100") int maxInflateRatio) {
}
