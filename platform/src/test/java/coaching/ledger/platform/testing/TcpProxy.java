package coaching.ledger.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a loopback port in front of a real server (the test PostgreSQL), for outage tests:
 * {@link #refuse()} closes every connection and refuses new ones (a database that went away),
 * {@link #blackHole()} freezes every connection and accepts new ones without ever answering (a
 * network partition: nothing arrives and nothing says so, only timeouts notice), {@link #open()}
 * forwards again. Written here because what it must do, cut and freeze live connections on command,
 * is a few dozen lines of sockets; the machine's PostgreSQL itself is shared and never stopped.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode {
        FORWARDING,
        REFUSING,
        BLACK_HOLING
    }

    private final InetSocketAddress target;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Set<Socket> swallowed = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.FORWARDING;
    private ServerSocket listener;
    private boolean closed;

    private TcpProxy(InetSocketAddress target) {
        this.target = target;
        this.listener = bind(0);
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    /** A proxy forwarding a free loopback port to {@code host:port}. */
    public static TcpProxy to(String host, int port) {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    public int port() {
        return port;
    }

    /** Cuts every connection and refuses new ones: connecting fails at once. */
    public synchronized void refuse() {
        mode = Mode.REFUSING;
        closeQuietly(listener);
        listener = null;
        links.forEach(Link::close);
        swallowed.forEach(TcpProxy::closeQuietly);
        swallowed.clear();
        notifyAll();
    }

    /** Freezes every connection (bytes stop, nothing is closed) and accepts new ones that never answer. */
    public synchronized void blackHole() {
        mode = Mode.BLACK_HOLING;
        if (listener == null) {
            listener = bind(port);
            startAccepting(listener);
        }
    }

    /** Forwards again; connections frozen or swallowed meanwhile are closed, as a healed network resets them. */
    public synchronized void open() {
        Mode previous = mode;
        mode = Mode.FORWARDING;
        if (previous == Mode.BLACK_HOLING) {
            links.stream().filter(Link::isFrozen).forEach(Link::close);
            swallowed.forEach(TcpProxy::closeQuietly);
            swallowed.clear();
        }
        if (listener == null) {
            listener = bind(port);
            startAccepting(listener);
        }
        notifyAll();
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(listener);
        links.forEach(Link::close);
        swallowed.forEach(TcpProxy::closeQuietly);
        notifyAll();
    }

    private ServerSocket bind(int localPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), localPort));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + localPort, e);
        }
    }

    private void startAccepting(ServerSocket socket) {
        Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-accept-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (mode == Mode.FORWARDING) {
                    connect(client);
                } else {
                    swallowed.add(client);
                }
            } catch (IOException closedByRefuseOrClose) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        try {
            Socket server = new Socket();
            server.connect(target, 2_000);
            Link link = new Link(client, server);
            links.add(link);
            link.start();
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /** Waits while the proxy black-holes; answers false once this link should end. */
    private synchronized boolean awaitForwarding(Link link) {
        while (mode == Mode.BLACK_HOLING && !closed && !link.closed) {
            link.frozen = true;
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !closed && !link.closed;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    /** One client connection and its connection to the server, a thread copying each direction. */
    private final class Link {

        private final Socket client;
        private final Socket server;
        private volatile boolean closed;
        private volatile boolean frozen;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            pump(client, server, "up");
            pump(server, client, "down");
        }

        boolean isFrozen() {
            return frozen;
        }

        private void pump(Socket from, Socket to, String direction) {
            Thread thread = new Thread(
                    () -> {
                        byte[] buffer = new byte[16 * 1024];
                        try (InputStream in = from.getInputStream();
                                OutputStream out = to.getOutputStream()) {
                            int read;
                            while ((read = in.read(buffer)) >= 0) {
                                if (!awaitForwarding(this)) {
                                    break;
                                }
                                out.write(buffer, 0, read);
                                out.flush();
                            }
                        } catch (SocketException closedOnPurpose) {
                            // the other side or the proxy closed the link
                        } catch (IOException e) {
                            // a broken link ends like a closed one
                        } finally {
                            close();
                        }
                    },
                    "tcp-proxy-" + direction + "-" + from.getPort());
            thread.setDaemon(true);
            thread.start();
        }

        void close() {
            closed = true;
            closeQuietly(client);
            closeQuietly(server);
            links.remove(this);
        }
    }
}
