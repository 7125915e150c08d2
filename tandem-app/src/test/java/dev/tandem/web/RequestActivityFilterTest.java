package dev.tandem.web;

import dev.tandem.shared.RequestActivity;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestActivityFilterTest {

    private final RequestActivity activity = new RequestActivity();
    private final RequestActivityFilter filter = new RequestActivityFilter(activity);

    @Test
    void aPageRequestMakesTheServerBusyWhileItRunsAndAfter() throws Exception {
        AtomicBoolean busyInside = new AtomicBoolean();
        filter.doFilter(get("", "/services"), new MockHttpServletResponse(),
                new MockFilterChain(new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest req, HttpServletResponse res) {
                        busyInside.set(activity.busy());
                    }
                }));
        assertThat(busyInside).isTrue();
        assertThat(activity.busy()).isTrue();
    }

    @Test
    void monitoringDoesNotCountAlsoUnderAContextPath() throws Exception {
        filter.doFilter(get("", "/actuator/health"), new MockHttpServletResponse(), new MockFilterChain());
        filter.doFilter(get("/tandem", "/tandem/actuator/prometheus"), new MockHttpServletResponse(), new MockFilterChain());
        assertThat(activity.busy()).isFalse();

        filter.doFilter(get("/tandem", "/tandem/api/v1/services"), new MockHttpServletResponse(), new MockFilterChain());
        assertThat(activity.busy()).isTrue();
    }

    @Test
    void aFailingRequestStillEnds() {
        MockFilterChain failing = new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                throw new IllegalStateException("boom");
            }
        });
        assertThatThrownBy(() -> filter.doFilter(get("", "/services"), new MockHttpServletResponse(), failing))
                .hasMessage("boom");
        // the request ended: only the one-second quiet period keeps the server busy, nothing is still counted
        assertThat(activity).extracting("inFlight").hasToString("0");
    }

    private static MockHttpServletRequest get(String contextPath, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setContextPath(contextPath);
        return request;
    }
}
