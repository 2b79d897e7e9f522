package com.acme.clientapp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls a local server with each client named in its arguments ({@code all} for every one,
 * {@code jdk} for the JDK's alone, which need no library), a known number of times per kind of
 * answer, each client under its own first path segment; prints every answer, so a run with sonde
 * can be compared with one without.
 */
public final class ClientApp {

    public static final int ITEMS = 4;
    public static final int FAILURES = 2;
    public static final int SLOW = 2;
    /** Clients whose call ends before they return: the caller's self time leaves their time out. */
    public static final List<String> SYNCHRONOUS = List.of("jdk-send", "urlconnection", "apache5", "apache4", "okhttp",
            "resttemplate-apache", "resttemplate-urlconnection");
    /** Words in query strings: none may reach a report. */
    public static final String SECRET = "Quxsecret";

    private ClientApp() {
    }

    public static Map<String, Client> clients(List<String> names) {
        Map<String, Client> all = new LinkedHashMap<>();
        all.put("jdk-send", JdkClients.send());
        all.put("jdk-async", JdkClients.sendAsync());
        all.put("urlconnection", JdkClients.urlConnection());
        if (!names.contains("jdk")) {
            all.put("apache5", LibraryClients.apache5());
            all.put("apache4", LibraryClients.apache4());
            all.put("okhttp", LibraryClients.okHttp());
            all.put("resttemplate-apache", LibraryClients.restTemplate(true));
            all.put("resttemplate-urlconnection", LibraryClients.restTemplate(false));
            all.put("restclient-jdk", LibraryClients.restClient());
            all.put("webclient-netty", LibraryClients.webClient(true));
            all.put("webclient-jdk", LibraryClients.webClient(false));
        }
        return all;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("steered")) {
            steered(Path.of(args[1]));
            return;
        }
        List<String> answers = new ArrayList<>();
        try (Socket refused = refusedPort(); ItemServer server = new ItemServer()) {
            int refusedPort = refused.getLocalPort();
            String base = "http://127.0.0.1:" + server.port();
            System.out.println("server port " + server.port() + ", refused port " + refusedPort);
            for (Map.Entry<String, Client> entry : clients(List.of(args)).entrySet()) {
                run(entry.getKey(), entry.getValue(), base, "http://127.0.0.1:" + refusedPort, answers);
            }
        }
        answers.forEach(System.out::println);
        System.out.println("client app done");
    }

    /**
     * A port that refuses connections for as long as the socket is open: bound but not listening, so
     * a connection gets a reset and no server (of this app or another) can take the port meanwhile.
     */
    private static Socket refusedPort() throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        return socket;
    }

    /**
     * The JDK's clients, steered through files in {@code control} (for attaching sonde to a running
     * JVM): one round at start, so their classes are loaded before any attach, then "ready"; a round
     * for each file {@code round-N}, answered by {@code done-N}; the end at {@code stop}.
     */
    private static void steered(Path control) throws Exception {
        try (Socket refused = refusedPort(); ItemServer server = new ItemServer()) {
            int refusedPort = refused.getLocalPort();
            String base = "http://127.0.0.1:" + server.port();
            System.out.println("server port " + server.port() + ", refused port " + refusedPort);
            Map<String, Client> clients = clients(List.of("jdk"));
            List<String> answers = new ArrayList<>();
            for (Map.Entry<String, Client> entry : clients.entrySet()) {
                run(entry.getKey(), entry.getValue(), base, "http://127.0.0.1:" + refusedPort, answers);
            }
            System.out.println("ready");
            for (int round = 1; !Files.exists(control.resolve("stop")); ) {
                if (Files.exists(control.resolve("round-" + round))) {
                    for (Map.Entry<String, Client> entry : clients.entrySet()) {
                        run(entry.getKey(), entry.getValue(), base, "http://127.0.0.1:" + refusedPort, answers);
                    }
                    Files.createFile(control.resolve("done-" + round));
                    round++;
                }
                Thread.sleep(20);
            }
        }
    }

    private static void run(String name, Client client, String base, String refused, List<String> answers)
            throws Exception {
        String prefix = base + "/" + name;
        for (int i = 1; i <= ITEMS; i++) {
            answers.add(name + " item " + i + ": " + client.get(prefix + "/items/" + i + "?token=" + SECRET + i));
        }
        answers.add(name + " order: " + client.get(prefix + "/orders/" + UUID.randomUUID()).substring(0, 3));
        answers.add(name + " created: " + client.post(prefix + "/items"));
        for (int i = 0; i < FAILURES; i++) {
            answers.add(name + " fail: " + client.get(prefix + "/fail"));
        }
        answers.add(name + " missing: " + client.get(prefix + "/missing"));
        answers.add(name + " moved: " + client.get(prefix + "/moved"));
        answers.add(name + " submitted: " + client.post(prefix + "/submit"));
        try {
            answers.add(name + " refused: " + client.get(refused + "/" + name + "/down"));
        } catch (Exception expected) {
            answers.add(name + " refused: " + expected.getClass().getSimpleName());
        }
        for (int i = 1; i <= SLOW; i++) {
            String url = prefix + "/slow/" + i;
            // An asynchronous call's caller waits in its own code (Future#get): that is its self time.
            answers.add(name + " slow: " + (SYNCHRONOUS.contains(name) ? SlowCaller.fetch(client, url) : client.get(url)));
        }
    }
}
