package com.wedsync.grid.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdminTokenFilterTests {

    private static final String TOKEN = "t0ken-for-the-tests";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = { "none, 401", "Bearer wrong, 401", "Bearer t0ken-for-the-test, 401",
            "Basic dDBrZW4=, 401", "Bearer t0ken-for-the-tests, 200", "Bearer  t0ken-for-the-tests , 200",
            "bearer t0ken-for-the-tests, 200", "BEARER t0ken-for-the-tests, 200", "Bearer t0ken-for-the-testsX, 401",
            "Bearer, 401", "t0ken-for-the-tests, 401", "Bearert0ken-for-the-tests, 401" })
    void withATokenConfiguredOnlyTheRightBearerTokenPasses(String header, int status) throws Exception {
        MockHttpServletRequest request = request("/actuator/prometheus", "10.1.2.3");
        if (header != null) {
            request.addHeader("Authorization", header);
        }

        MockHttpServletResponse response = filter(Optional.of(TOKEN), request);

        assertThat(response.getStatus()).isEqualTo(status);
    }

    @Test
    void aRefusedRequestIsToldWhichSchemeToUse() throws Exception {
        MockHttpServletResponse response = filter(Optional.of(TOKEN), request("/actuator/cluster", "127.0.0.1"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness" })
    void healthIsOpenToEveryone(String path) throws Exception {
        MockHttpServletResponse response = filter(Optional.of(TOKEN), request(path, "10.1.2.3"));

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "127.0.0.1, 200", "::1, 200", "10.1.2.3, 403", "192.168.0.7, 403" })
    void withoutATokenOnlyLoopbackIsServed(String remoteAddress, int status) throws Exception {
        MockHttpServletResponse response = filter(Optional.empty(), request("/actuator/prometheus", remoteAddress));

        assertThat(response.getStatus()).isEqualTo(status);
    }

    @Test
    void aLookAlikePathOfHealthIsStillGuarded() throws Exception {
        MockHttpServletResponse response = filter(Optional.of(TOKEN), request("/actuator/healthcheck", "127.0.0.1"));

        assertThat(response.getStatus()).isEqualTo(401);
    }

    private static MockHttpServletRequest request(String path, String remoteAddress) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(remoteAddress);
        return request;
    }

    private static MockHttpServletResponse filter(Optional<String> token, MockHttpServletRequest request)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new AdminTokenFilter(token).doFilter(request, response, new MockFilterChain());
        return response;
    }

}
