package com.mizani.app.identity;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The clients the authorization server may see: a disabled client is unknown to it, so it gets no token
 * ({@code invalid_client}). Writes go to the stored registrations unchanged.
 */
final class EnabledClients implements RegisteredClientRepository {

    private final RegisteredClientRepository stored;
    private final ClientRegistry registry;

    EnabledClients(RegisteredClientRepository stored, ClientRegistry registry) {
        this.stored = stored;
        this.registry = registry;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        stored.save(registeredClient);
    }

    @Override
    public RegisteredClient findById(String id) {
        return enabled(stored.findById(id));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return enabled(stored.findByClientId(clientId));
    }

    private RegisteredClient enabled(RegisteredClient client) {
        return client != null && registry.isEnabled(client.getClientId()) ? client : null;
    }
}
