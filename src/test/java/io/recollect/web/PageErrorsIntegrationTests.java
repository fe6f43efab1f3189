package io.recollect.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A page that fails is a page in the layout, in plain words, with the status; the API's errors
 * stay RFC 9457 problem details.
 */
class PageErrorsIntegrationTests extends IntegrationTest {

    @Test
    void aPageThatIsNotThereIsANotFoundPage() {
        ResponseEntity<String> missing = browse("collector", "/customers/" + UUID.randomUUID() + "/no/such/page");
        ResponseEntity<String> nowhere = browse("collector", "/no-such-page");

        for (ResponseEntity<String> page : List.of(missing, nowhere)) {
            assertPage(page, HttpStatus.NOT_FOUND, "Not found");
            assertThat(page.getBody()).contains("There is no page at this address.");
        }
    }

    @Test
    void aPageForOtherRolesIsAForbiddenPage() {
        ResponseEntity<String> dashboard = browse("collector", "/dashboard");
        ResponseEntity<String> tables = browse("collector", "/rule-tables");

        for (ResponseEntity<String> page : List.of(dashboard, tables)) {
            assertPage(page, HttpStatus.FORBIDDEN, "Not for you");
            assertThat(page.getBody()).contains("This page is for other roles than yours.");
        }
    }

    @Test
    void aBadParameterInTheAddressIsABadRequestPageNamingIt() {
        ResponseEntity<String> page = browse("collector", "/customers/" + UUID.randomUUID() + "/communications/not-an-id");

        assertPage(page, HttpStatus.BAD_REQUEST, "This cannot be shown");
        assertThat(page.getBody()).contains("&quot;not-an-id&quot; is not a valid communicationId");
    }

    @Test
    void theApiKeepsProblemDetails() {
        ResponseEntity<String> missing = browse("collector", "/api/no-such-thing");
        ResponseEntity<String> forbidden = browse("collector", "/api/dashboard");
        ResponseEntity<String> badId = browse("collector", "/api/customers/not-an-id/account");

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        for (ResponseEntity<String> problem : List.of(missing, forbidden, badId)) {
            assertThat(problem.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as(problem.toString()).isTrue();
            assertThat(problem.getBody()).contains("\"status\":" + problem.getStatusCode().value())
                    .doesNotContain("<html");
        }
    }

    /** As a browser asks: HTML first. */
    private ResponseEntity<String> browse(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
        return as(user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static void assertPage(ResponseEntity<String> page, HttpStatus status, String heading) {
        assertThat(page.getStatusCode()).as(page.toString()).isEqualTo(status);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).as(page.toString()).isTrue();
        // the app's layout: its skip link and navigation, with the heading in plain words
        assertThat(page.getBody()).contains("Skip to content", "<h1>" + heading + "</h1>", "Status " + status.value())
                .doesNotContain("Whitelabel", "\"type\":");
    }
}
