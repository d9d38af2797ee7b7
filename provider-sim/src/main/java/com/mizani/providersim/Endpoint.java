package com.mizani.providersim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** One HTTP endpoint of the simulator; {@link JsonRoute} does the transport around it. */
@FunctionalInterface
interface Endpoint {

    Answer answer(HttpExchange exchange) throws IOException;
}
