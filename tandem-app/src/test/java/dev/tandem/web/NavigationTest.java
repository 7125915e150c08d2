package dev.tandem.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class NavigationTest {

    @Test
    void eachPathBelongsToItsSection() {
        assertThat(Navigation.section("/")).isEqualTo("home");
        assertThat(Navigation.section("")).isEqualTo("home");
        assertThat(Navigation.section("/services")).isEqualTo("services");
        assertThat(Navigation.section("/services/checkout/edit")).isEqualTo("services");
        assertThat(Navigation.section("/rotation")).isEqualTo("engagements");
        assertThat(Navigation.section("/surveys/3")).isEqualTo("engagements");
        assertThat(Navigation.section("/scorecards/prod")).isEqualTo("readiness");
        assertThat(Navigation.section("/catalog/import")).isEqualTo("catalog");
        assertThat(Navigation.section("/admin/tokens")).isEqualTo("admin");
        assertThat(Navigation.section("/account/password")).isEmpty();
        assertThat(Navigation.section("/servicesx")).isEmpty();
        assertThat(Navigation.section("/services;jsessionid=ABC")).isEqualTo("services");
    }

    @Test
    void theContextPathIsNotPartOfTheSection() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tandem/teams/payments");
        request.setContextPath("/tandem");
        assertThat(Navigation.section(request)).isEqualTo("teams");
    }
}
