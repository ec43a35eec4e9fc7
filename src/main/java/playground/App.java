package playground;

/** Entry point: {@code serve} (default), {@code train FILE [--seed N]}, {@code bench}. */
public final class App {
    private App() {}

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> System.out.println("serve: not wired yet");
            case "train" -> System.exit(playground.runs.TrainCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            case "bench" -> System.exit(playground.runs.BenchCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
            default -> {
                System.err.println("사용법: java -jar playground.jar [serve | train FILE [--seed N] | bench]");
                System.exit(2);
            }
        }
    }
}
