using System;
using System.Collections.Concurrent;
using System.IO;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// 分块输出文本 — lets a command format a block's CSV rows on the worker thread that computed them and write the text
/// on the output thread in input order, so formatting (numbers, issue lists, quoting) is spread over the cores instead
/// of running on the one thread that writes. The rows are formatted by <see cref="CsvRowText"/> (the quoting and formula
/// escaping of <see cref="CliOutput.Csv(TextWriter, bool)"/>), so the file is byte for byte what one CSV writer would
/// produce. Buffers are pooled: memory is the blocks in flight.
/// </summary>
internal sealed class CsvBlockText
{
    private readonly ConcurrentBag<Block> _free = new();

    /// <summary>Formats rows with <paramref name="write"/> into a pooled buffer (any thread).</summary>
    public Block Render(Action<CsvRowText> write)
    {
        if (!_free.TryTake(out var block))
        {
            block = new Block();
        }

        block.Text.Clear();
        write(block.Text);
        return block;
    }

    /// <summary>Writes the rows of <paramref name="block"/> to <paramref name="output"/> and returns its buffer to the pool.</summary>
    public void WriteTo(TextWriter output, Block block)
    {
        block.Text.WriteTo(output);
        block.Text.Clear();
        _free.Add(block);
    }

    /// <summary>A block's formatted rows.</summary>
    internal sealed class Block
    {
        /// <summary>The rows' text.</summary>
        public CsvRowText Text { get; } = new(CliOutput.Raw);
    }
}
