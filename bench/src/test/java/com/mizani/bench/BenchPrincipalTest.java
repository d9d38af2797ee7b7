package com.mizani.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchPrincipalTest {

    @Test
    void theHarnessHoldsTheRolesOfWhatItCallsAndAdminOnlyToReplay() {
        assertThat(BenchPrincipal.roles("transfers")).containsExactly("service", "teller", "operator");
        assertThat(BenchPrincipal.roles("chaos")).containsExactly("service", "teller", "operator");
        assertThat(BenchPrincipal.roles("replay")).containsExactly("service", "teller", "operator", "admin");
    }

    /** A real PostgreSQL, as the harness runs it: the secret belongs to the database it sits next to. */
    @Test
    void aNewDatabaseGetsANewSecretKeptNextToItAndReusedThereafter(@TempDir Path data) throws Exception {
        try (Postgres postgres = new Postgres(data.resolve("postgres"))) {
            postgres.start();

            String secret = BenchPrincipal.adminSecret(data, postgres);
            Path kept = data.resolve(BenchPrincipal.SECRET_FILE);
            assertThat(secret).hasSizeGreaterThanOrEqualTo(16).matches("[A-Za-z0-9_-]+");
            assertThat(Files.readString(kept).strip()).isEqualTo(secret);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");

            // The app has created its admin with that secret meanwhile: the next run meets it with the same one.
            createAdmin(postgres);
            assertThat(BenchPrincipal.adminSecret(data, postgres)).isEqualTo(secret);

            Files.delete(kept);
            assertThatThrownBy(() -> BenchPrincipal.adminSecret(data, postgres))
                    .hasMessageContaining(BenchPrincipal.ADMIN_CLIENT).hasMessageContaining(BenchPrincipal.SECRET_FILE);
        }
    }

    /** Only what the harness looks at of the app's table: whether the admin's row is there. */
    private static void createAdmin(Postgres postgres) throws Exception {
        try (Connection db = postgres.connect(); Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE security_client (client_id TEXT PRIMARY KEY)");
            statement.execute("INSERT INTO security_client VALUES ('" + BenchPrincipal.ADMIN_CLIENT + "')");
        }
    }
}
