package app.plainpaper.desk.people;

import app.plainpaper.desk.DeskHttp;
import app.plainpaper.events.DeskAudit;
import app.plainpaper.events.DeskAuditKind;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.testsupport.PipelineTestBed;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OIDC login, selected by {@code plainpaper.desk.login=oidc}, against a stub issuer (JDK HttpServer: token endpoint
 * and JWKS, ID tokens signed with an RSA key by Nimbus) standing in for Keycloak: roles come from the token's claims.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcLoginTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final RSAKey KEY = key();
    static final HttpServer ISSUER = issuer();
    static final String ISSUER_URL = "http://localhost:" + ISSUER.getAddress().getPort();

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
        registry.add("plainpaper.desk.demo.enabled", () -> "false");
        registry.add("plainpaper.desk.login", () -> "oidc");
        String registration = "spring.security.oauth2.client.registration.keycloak.";
        registry.add(registration + "client-id", () -> "editorial-desk");
        registry.add(registration + "client-secret", () -> "stub-secret");
        registry.add(registration + "scope", () -> "openid,profile");
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        String provider = "spring.security.oauth2.client.provider.keycloak.";
        registry.add(provider + "authorization-uri", () -> ISSUER_URL + "/auth");
        registry.add(provider + "token-uri", () -> ISSUER_URL + "/token");
        registry.add(provider + "jwk-set-uri", () -> ISSUER_URL + "/jwks");
        registry.add(provider + "user-name-attribute", () -> "preferred_username");
    }

    @Value("${local.server.port}")
    int port;

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop(0);
    }

    @Test
    void aKeycloakUserLogsInAndGetsTheRolesOfTheirToken() throws Exception {
        var start = HTTP.send(HttpRequest.newBuilder(uri("/oauth2/authorization/keycloak")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(ISSUER_URL + "/auth?");
        Map<String, String> query = query(authorize.getRawQuery());
        assertThat(query).containsEntry("client_id", "editorial-desk").containsKeys("state", "nonce", "redirect_uri");

        // The issuer "authenticates" the user and sends the browser back with a code; the stub's code carries the nonce.
        var callback = HTTP.send(HttpRequest.newBuilder(URI.create(query.get("redirect_uri") + "?code=" + query.get("nonce")
                        + "&state=" + query.get("state"))).header("Cookie", DeskHttp.cookie(start)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/desk/"));

        var me = HTTP.send(HttpRequest.newBuilder(uri("/api/me")).header("Cookie", DeskHttp.cookie(callback)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"olivia\"", "\"displayName\":\"Olivia Oidc\"",
                "\"roles\":[\"clinical-reviewer\",\"editor\"]");

        var queue = HTTP.send(HttpRequest.newBuilder(uri("/api/queues/editor")).header("Cookie", DeskHttp.cookie(callback)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(DeskHttp.records(Topics.DESK_AUDIT, DeskAudit.class, a -> a.getUsername().equals("olivia")
                && a.getKind() == DeskAuditKind.LOGIN && "oidc".equals(a.getMethod()), 1)).isNotEmpty();
    }

    @Test
    void withoutASessionTheApiAnswers401AndPagesGoToTheIssuer() throws Exception {
        assertThat(HTTP.send(HttpRequest.newBuilder(uri("/api/queues/editor")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
        var page = HTTP.send(HttpRequest.newBuilder(uri("/desk/")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/oauth2/authorization/keycloak"));
        // No form login in OIDC mode: demo users do not exist and the form post is not a login.
        var basic = HTTP.send(HttpRequest.newBuilder(uri("/api/queues/editor")).header("Authorization", DeskHttp.basic("editor", "x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("stub-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer issuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/jwks", exchange -> respond(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.createContext("/token", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String nonce = query(form).get("code");
                respond(exchange, "{\"access_token\":\"stub-access\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                        + "\"scope\":\"openid profile\",\"id_token\":\"" + idToken(nonce, "http://localhost:" + server.getAddress().getPort()) + "\"}");
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String idToken(String nonce, String issuer) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer).subject("3f1c-olivia").audience("editorial-desk")
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("nonce", nonce).claim("preferred_username", "olivia").claim("name", "Olivia Oidc")
                    .claim("roles", List.of("editor", "offline_access"))
                    .claim("realm_access", Map.of("roles", List.of("clinical-reviewer")))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
