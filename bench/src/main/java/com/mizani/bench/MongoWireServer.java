package com.mizani.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-wire server in memory, as a process of its own: the one the app nodes of the cluster scenario share for
 * their audit views. Each app process would otherwise start its own in-process server, and N nodes would write N
 * diverging copies of the views. Binds 127.0.0.1 on the port given (0, or none, for any free one), prints
 * {@value #READY} and the port on one line, and serves until it is killed.
 */
public final class MongoWireServer {

    static final String READY = "mongo-wire-server listening on port ";

    private MongoWireServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", args.length == 0 ? 0 : Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        InetSocketAddress address = server.getLocalAddress();
        System.out.println(READY + address.getPort());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
