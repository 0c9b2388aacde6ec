using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>The severe cases kept for review without an object each: what goes in comes out, by cell, in the order added.</summary>
public sealed class SevereCaseBookTests
{
    [Fact]
    public void Gives_back_the_marked_cells_cases_in_order_with_their_ids_across_chunks()
    {
        var book = new SevereCaseBook();
        var added = new List<(int Cell, int Row, string Id)>();
        for (var i = 0; i < 150_000; i++)
        {
            // 150 000 ids of 9–14 characters fill more than one chunk of characters and more than two of entries.
            var cell = i % 5;
            var id = "P" + (i * 7919L).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(8, '0') + new string('x', i % 6);
            if (i == 70_000)
            {
                id = new string('L', 70_000); // a long id: a chunk of its own
            }

            book.Add(cell, i + 1, id);
            added.Add((cell, i + 1, id));
        }

        book.Add(2, 150_001, string.Empty);
        added.Add((2, 150_001, string.Empty));
        Assert.Equal(added.Count, book.Count);

        var kept = book.Of(new[] { false, true, true });
        Assert.Equal(new[] { 1, 2 }, kept.Keys.OrderBy(k => k).ToArray());
        foreach (var cell in new[] { 1, 2 })
        {
            var expected = added.Where(a => a.Cell == cell).Select(a => ((long)a.Row, a.Id)).ToList();
            Assert.Equal(expected, kept[cell]);
        }
    }

    [Fact]
    public void Gives_nothing_for_no_marked_cell()
    {
        var book = new SevereCaseBook();
        book.Add(0, 1, "C1");
        Assert.Empty(book.Of(new[] { false }));
        Assert.Empty(book.Of(System.Array.Empty<bool>()));
    }
}
