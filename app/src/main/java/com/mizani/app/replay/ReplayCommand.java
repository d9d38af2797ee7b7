package com.mizani.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.cli.ApiConnection;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar mizani.jar replay <projection|all> [--interval-ms=1000] [connection options]}: asks a running
 * Mizani to rebuild projections and prints their progress until they end. A client of the admin API (it needs an
 * admin's token, see {@link ApiConnection}), so it starts no Spring context of its own and works against any node.
 * Exit code 0 when every replay completed.
 */
public final class ReplayCommand {

    public static final String NAME = "replay";
    private static final String USAGE = "usage: java -jar mizani.jar replay <projection|all> [--interval-ms=1000] "
            + ApiConnection.OPTIONS;

    private final ApiConnection api = new ApiConnection(System.getenv());
    private final ObjectMapper json = api.json();
    private final PrintStream out;
    private long intervalMillis = 1000;

    private ReplayCommand(PrintStream out) {
        this.out = out;
    }

    public static boolean isInvokedBy(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    public static int run(String[] args, PrintStream out) {
        try {
            return new ReplayCommand(out).execute(args);
        } catch (IllegalArgumentException badArguments) {
            out.println(badArguments.getMessage());
            out.println(USAGE);
            return 2;
        } catch (IOException unreachable) {
            out.println("cannot reach Mizani: " + unreachable);
            return 1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int execute(String[] args) throws IOException, InterruptedException {
        String target = null;
        for (int i = 1; i < args.length; i++) {
            if (api.accept(args[i])) {
                continue;
            }
            if (args[i].startsWith("--interval-ms=")) {
                intervalMillis = Long.parseLong(args[i].substring("--interval-ms=".length()));
            } else if (target == null && !args[i].startsWith("--")) {
                target = args[i];
            } else {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("name a projection, or all");
        }
        List<String> projections = new ArrayList<>();
        if ("all".equals(target)) {
            json.readTree(send("GET", "/api/v1/admin/projections").body()).get("projections")
                    .forEach(name -> projections.add(name.asText()));
        } else {
            projections.add(target);
        }
        for (String projection : projections) {
            HttpResponse<String> started = send("POST", "/api/v1/admin/projections/" + projection + "/replay");
            if (started.statusCode() != 202) {
                out.println(projection + ": refused (" + started.statusCode() + "): " + api.detailOf(started.body()));
                return 1;
            }
        }
        return follow(projections);
    }

    /** Prints each replay's progress every interval until all have ended. */
    private int follow(List<String> projections) throws IOException, InterruptedException {
        List<String> running = new ArrayList<>(projections);
        boolean allCompleted = true;
        while (!running.isEmpty()) {
            Thread.sleep(intervalMillis); // a client polling at the pace its user asked for
            for (String projection : List.copyOf(running)) {
                JsonNode progress = json.readTree(send("GET", "/api/v1/admin/projections/" + projection + "/replay").body());
                out.println(describe(progress));
                String state = progress.path("state").asText();
                if (!"REPLAYING".equals(state)) {
                    running.remove(projection);
                    allCompleted &= "COMPLETED".equals(state);
                }
            }
        }
        return allCompleted ? 0 : 1;
    }

    private static String describe(JsonNode progress) {
        String line = "%s: %s %,d of %,d events, %,d events/s".formatted(progress.path("projection").asText(),
                progress.path("state").asText(), progress.path("eventsDone").asLong(),
                progress.path("eventsTotal").asLong(), progress.path("eventsPerSecond").asLong());
        if (progress.hasNonNull("secondsLeft") && "REPLAYING".equals(progress.path("state").asText())) {
            line += ", about " + progress.get("secondsLeft").asLong() + " s left";
        }
        return progress.hasNonNull("error") ? line + ": " + progress.get("error").asText() : line;
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return api.send(method, path);
    }
}
