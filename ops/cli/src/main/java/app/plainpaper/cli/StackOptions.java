package app.plainpaper.cli;

import app.plainpaper.cli.stack.LocalStack;
import app.plainpaper.cli.stack.StackFile;
import app.plainpaper.cli.stack.Workspace;
import java.io.PrintWriter;

/** The local stack as the commands see it: repository and data folder found from the environment. */
final class StackOptions {

    private StackOptions() {
    }

    static Workspace workspace() {
        return Workspace.locate(System.getenv());
    }

    static LocalStack stack(Workspace workspace, LocalStack.Settings settings, PrintWriter out) {
        return new LocalStack(workspace, StackFile.load(workspace.stackFile()), System.getenv(), settings, out);
    }
}
