using System;
using System.IO;
using System.Text;
using Spectre.Console;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// 批处理进度 — a progress bar for long CLI batches, drawn with Spectre.Console on <b>stderr</b> and only when stderr is
/// an interactive ANSI terminal. When stderr is redirected (a file, a pipe, CI logs) it writes nothing at all, so the
/// machine-readable stderr lines (e.g. <c>grouping: N cases in … ms</c>) and every stdout/CSV output stay byte-identical.
/// </summary>
/// <remarks>
/// <para>Usage: <c>BatchProgress.Run("grouping", cases.Count, progress =&gt; { …; progress.Report(done); })</c>. The work
/// reports the number of items done so far (an absolute count, not an increment); it may report from any thread.
/// A <c>total</c> ≤ 0 shows a spinner without a percentage (work of unknown length).</para>
/// <para>The bar is cleared when the work ends; exceptions from the work propagate unchanged.</para>
/// </remarks>
internal static class BatchProgress
{
    /// <summary>True when progress is drawn: stderr is not redirected and is an ANSI terminal.</summary>
    public static bool IsEnabled => !Console.IsErrorRedirected && CreateStderrConsole().Profile.Capabilities.Ansi;

    /// <summary>Runs <paramref name="work"/>, showing its progress on an interactive stderr.</summary>
    /// <param name="label">The label shown beside the bar (plain text).</param>
    /// <param name="total">The number of items (≤ 0: unknown).</param>
    /// <param name="work">The work; it reports the items done so far.</param>
    public static void Run(string label, int total, Action<IProgress<int>> work)
    {
        _ = work ?? throw new ArgumentNullException(nameof(work));
        Run(label, total, progress =>
        {
            work(progress);
            return 0;
        });
    }

    /// <summary>Runs <paramref name="work"/> and returns its result, showing its progress on an interactive stderr.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="label">The label shown beside the bar (plain text).</param>
    /// <param name="total">The number of items (≤ 0: unknown).</param>
    /// <param name="work">The work; it reports the items done so far.</param>
    /// <returns>The work's result.</returns>
    public static T Run<T>(string label, int total, Func<IProgress<int>, T> work) =>
        Run(label, total, work, IsEnabled ? CreateStderrConsole() : null);

    /// <summary>Reads a file through <paramref name="read"/>, showing the bytes read (in KiB) as progress.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="file">The file (UTF-8; a BOM is detected).</param>
    /// <param name="read">The reader of the whole text.</param>
    /// <returns>What <paramref name="read"/> returns.</returns>
    public static T ReadFile<T>(FileInfo file, Func<TextReader, T> read)
    {
        _ = file ?? throw new ArgumentNullException(nameof(file));
        _ = read ?? throw new ArgumentNullException(nameof(read));
        using var stream = file.OpenRead();
        var kib = (int)Math.Min(int.MaxValue, (stream.Length + 1023) / 1024);
        return Run("reading " + file.Name, kib, progress =>
        {
            using var reader = new StreamReader(new ProgressStream(stream, progress), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            return read(reader);
        });
    }

    /// <summary>Reads a file as bytes through <paramref name="read"/>, showing the bytes read (in KiB) as progress.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="file">The file.</param>
    /// <param name="read">The reader of the byte stream (it decides the encoding).</param>
    /// <returns>What <paramref name="read"/> returns.</returns>
    public static T ReadStream<T>(FileInfo file, Func<Stream, T> read)
    {
        _ = file ?? throw new ArgumentNullException(nameof(file));
        _ = read ?? throw new ArgumentNullException(nameof(read));
        using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var kib = (int)Math.Min(int.MaxValue, (stream.Length + 1023) / 1024);
        return Run("reading " + file.Name, kib, progress => read(new ProgressStream(stream, progress)));
    }

    /// <summary>Runs the work with progress on <paramref name="console"/>, or silently when it is null (testable core).</summary>
    internal static T Run<T>(string label, int total, Func<IProgress<int>, T> work, IAnsiConsole? console)
    {
        _ = work ?? throw new ArgumentNullException(nameof(work));
        if (console is null)
        {
            return work(Silent.Instance);
        }

        return console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(label ?? string.Empty), autoStart: true, maxValue: Math.Max(total, 1));
                task.IsIndeterminate = total <= 0;
                context.Refresh();
                var value = work(new TaskProgress(task));
                task.Value = task.MaxValue;
                return value;
            });
    }

    private static IAnsiConsole CreateStderrConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(Console.Error),
    });

    private sealed class Silent : IProgress<int>
    {
        public static readonly Silent Instance = new();

        public void Report(int value)
        {
        }
    }

    private sealed class TaskProgress(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Value = value;
    }

    /// <summary>A read-only pass-through stream that reports the KiB read so far.</summary>
    private sealed class ProgressStream(Stream inner, IProgress<int> progress) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            read += n;
            progress.Report((int)Math.Min(int.MaxValue, read / 1024));
            return n;
        }
    }
}
