package com.mizani.app.identity;

import com.mizani.app.cli.ApiConnection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The embedded issuer's administration from a shell, as a client of the admin API (it needs an admin's token; see
 * {@link ApiConnection}):
 * <pre>
 * java -jar mizani.jar clients create --name=&lt;name&gt; --roles=service,teller [--owner-id=&lt;uuid&gt;] [--redirect-uri=&lt;uri&gt;]...
 * java -jar mizani.jar clients list | show &lt;id&gt; | disable &lt;id&gt; | enable &lt;id&gt; | rotate-secret &lt;id&gt;
 * java -jar mizani.jar users create --username=&lt;name&gt; --roles=operator [--owner-id=&lt;uuid&gt;]
 * java -jar mizani.jar users list | show &lt;name&gt; | disable &lt;name&gt; | enable &lt;name&gt; | password &lt;name&gt;
 * java -jar mizani.jar keys list | rotate [--immediately]
 * </pre>
 * A password is read from {@code MIZANI_USER_PASSWORD}, or from the first line of standard input, never from the
 * command line (which other users of the machine can see). It prints the API's JSON answer; exit code 0 when the
 * API accepted, 1 when it refused or could not be reached, 2 for a malformed command.
 */
public final class IdentityCommand {

    private static final Set<String> NAMES = Set.of("clients", "users", "keys");
    private static final String USAGE = """
            usage: java -jar mizani.jar clients create --name=<name> --roles=<role,...> [--owner-id=<uuid>] [--redirect-uri=<uri>]...
                   java -jar mizani.jar clients list | show <id> | disable <id> | enable <id> | rotate-secret <id>
                   java -jar mizani.jar users create --username=<name> --roles=<role,...> [--owner-id=<uuid>]   (password: MIZANI_USER_PASSWORD or stdin)
                   java -jar mizani.jar users list | show <name> | disable <name> | enable <name> | password <name>
                   java -jar mizani.jar keys list | rotate [--immediately]
                   connection: %s""".formatted(ApiConnection.OPTIONS);

    private final ApiConnection api = new ApiConnection(System.getenv());
    private final PrintStream out;

    private IdentityCommand(PrintStream out) {
        this.out = out;
    }

    public static boolean isInvokedBy(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    public static int run(String[] args, PrintStream out) {
        try {
            return new IdentityCommand(out).execute(args);
        } catch (IllegalArgumentException badArguments) {
            out.println(badArguments.getMessage());
            out.println(USAGE);
            return 2;
        } catch (IOException unreachable) {
            out.println("cannot reach Mizani: " + unreachable.getMessage());
            return 1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int execute(String[] args) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (String arg : Arrays.asList(args).subList(1, args.length)) {
            if (api.accept(arg)) {
                continue;
            }
            if (arg.startsWith("--")) {
                String[] pair = arg.substring(2).split("=", 2);
                options.computeIfAbsent(pair[0], key -> new ArrayList<>()).add(pair.length > 1 ? pair[1] : "true");
            } else {
                words.add(arg);
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("name an action");
        }
        String resource = args[0];
        String action = words.get(0);
        return switch (resource + " " + action) {
            case "clients create" -> answer(api.send("POST", "/api/v1/admin/clients", clientBody(options)));
            case "clients list" -> answer(api.send("GET", "/api/v1/admin/clients?limit=500"));
            case "clients show" -> answer(api.send("GET", "/api/v1/admin/clients/" + id(words)));
            case "clients disable", "clients enable", "clients rotate-secret" ->
                    answer(api.send("POST", "/api/v1/admin/clients/" + id(words) + "/" + action));
            case "users create" -> answer(api.send("POST", "/api/v1/admin/users", userBody(options)));
            case "users list" -> answer(api.send("GET", "/api/v1/admin/users?limit=500"));
            case "users show" -> answer(api.send("GET", "/api/v1/admin/users/" + id(words)));
            case "users disable", "users enable" ->
                    answer(api.send("POST", "/api/v1/admin/users/" + id(words) + "/" + action));
            case "users password" -> answer(api.send("POST", "/api/v1/admin/users/" + id(words) + "/password",
                    Map.of("password", password())));
            case "keys list" -> answer(api.send("GET", "/api/v1/admin/keys"));
            case "keys rotate" -> answer(api.send("POST", "/api/v1/admin/keys/rotate?immediately="
                    + options.containsKey("immediately")));
            default -> throw new IllegalArgumentException("unknown command: " + resource + " " + action);
        };
    }

    private Map<String, Object> clientBody(Map<String, List<String>> options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", required(options, "name"));
        body.put("roles", roles(options));
        body.put("ownerId", single(options, "owner-id"));
        body.put("redirectUris", options.getOrDefault("redirect-uri", List.of()));
        return body;
    }

    private Map<String, Object> userBody(Map<String, List<String>> options) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", required(options, "username"));
        body.put("password", password());
        body.put("roles", roles(options));
        body.put("ownerId", single(options, "owner-id"));
        return body;
    }

    private static String password() throws IOException {
        String fromEnvironment = System.getenv("MIZANI_USER_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("no password: set MIZANI_USER_PASSWORD or write it on standard input");
        }
        return line;
    }

    private static List<String> roles(Map<String, List<String>> options) {
        return Arrays.stream(required(options, "roles").split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
    }

    private static String required(Map<String, List<String>> options, String name) {
        String value = single(options, name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static String single(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    private static String id(List<String> words) {
        if (words.size() != 2) {
            throw new IllegalArgumentException("name exactly one client or user");
        }
        return URLEncoder.encode(words.get(1), StandardCharsets.UTF_8);
    }

    private int answer(HttpResponse<String> response) {
        out.println(response.body());
        return response.statusCode() / 100 == 2 ? 0 : 1;
    }
}
