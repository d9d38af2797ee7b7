package com.mizani.app.console;

import com.mizani.app.identity.ClientRegistry;
import com.mizani.app.security.SecurityProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * In local mode the console is a public client of the embedded issuer. Once the web server listens, its redirect
 * URIs for this port are registered (on {@code localhost} and {@code 127.0.0.1}, and at the configured issuer's
 * address when that is a real one): the issuer sends a browser back only to an address it knows.
 */
final class EmbeddedConsoleClient implements ApplicationListener<WebServerInitializedEvent> {

    private final ClientRegistry clients;
    private final ConsoleProperties console;
    private final SecurityProperties security;

    EmbeddedConsoleClient(ClientRegistry clients, ConsoleProperties console, SecurityProperties security) {
        this.clients = clients;
        this.console = console;
        this.security = security;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return;
        }
        int port = event.getWebServer().getPort();
        Set<String> redirects = new LinkedHashSet<>();
        redirects.add("http://localhost:" + port + ConsoleClientRegistrations.REDIRECT_PATH);
        redirects.add("http://127.0.0.1:" + port + ConsoleClientRegistrations.REDIRECT_PATH);
        if (!security.localIssuer().endsWith(":0")) {
            redirects.add(security.localIssuer() + ConsoleClientRegistrations.REDIRECT_PATH);
        }
        clients.ensurePublicSignInClient(console.clientId(), "Mizani dashboards", redirects, "system:console");
    }
}
