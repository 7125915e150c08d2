package dev.tandem.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in page session over plain HTTP, as a browser without JavaScript has it: a cookie jar, no
 * redirects followed, and the CSRF token read from each form.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    private PageSession(int port) {
        this.port = port;
    }

    /** A session of the first admin, signed in through the sign-in form. */
    public static PageSession admin(int port) throws Exception {
        return signIn(port, "admin", TestDatabase.ADMIN_PASSWORD);
    }

    /** A session of any local user, signed in through the sign-in form. */
    public static PageSession signIn(int port, String username, String password) throws Exception {
        PageSession session = new PageSession(port);
        HttpResponse<String> in = session.post("/login", "username=" + enc(username) + "&password=" + enc(password)
                + "&_csrf=" + csrf(session.get("/login").body()));
        assertThat(in.statusCode()).as("sign-in").isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return session;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The form's CSRF token, URL-encoded for a form body. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in the form").isTrue();
        return enc(m.group(1));
    }
}
