namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>
/// The part of the Unicode Bidirectional Algorithm (UAX #9) one line of a report needs: no explicit embeddings or
/// isolates (names and labels carry none), the weak-type rules W1–W7, neutrals N1–N2, implicit levels I1–I2, the reversal
/// L2 with combining marks kept after their base (L3) and mirrored brackets (L4), and the bracket pairs of N0 in the
/// short form names need (a pair takes the direction of what it encloses). Digits stay left to right inside right-to-left
/// text; a Latin name inside Arabic keeps its own order. The marks LRM and RLM are strong and invisible (<see cref="IsMark"/>).
/// </summary>
public static class BidiText
{
    public enum Direction { LeftToRight, RightToLeft }

    public const char LeftToRightMark = '\u200E';
    public const char RightToLeftMark = '\u200F';

    /// <summary>LRM and RLM steer the order and are not drawn.</summary>
    public static bool IsMark(char c) => c is LeftToRightMark or RightToLeftMark;

    /// <summary>
    /// Items joined by <paramref name="separator"/> so that each keeps its place in the paragraph's direction: without the
    /// mark after each separator, Latin names in an Arabic list would run together left to right as one phrase.
    /// </summary>
    public static string List(IEnumerable<string> items, string separator, Direction paragraph) =>
        string.Join(separator + (paragraph == Direction.RightToLeft ? RightToLeftMark : LeftToRightMark), items);

    /// <summary>The paragraph direction from its first strong character (P2–P3), or <paramref name="fallback"/> when it has none.</summary>
    public static Direction DirectionOf(string text, Direction fallback)
    {
        foreach (var c in text)
        {
            switch (ClassOf(c))
            {
                case BidiClass.L: return Direction.LeftToRight;
                case BidiClass.R or BidiClass.AL: return Direction.RightToLeft;
            }
        }
        return fallback;
    }

    /// <summary>
    /// The logical indices of <paramref name="text"/> in visual order (left to right on the page), and for each the
    /// character to draw (brackets mirrored in right-to-left runs).
    /// </summary>
    public static (int[] Order, string Visual) Reorder(string text, Direction paragraph)
    {
        var levels = Levels(text, paragraph);
        var units = Units(text, levels);
        var highest = levels.Length == 0 ? 0 : levels.Max();
        for (var level = highest; level >= 1; level--)
        {
            ReverseRunsAtOrAbove(units, level);
        }
        var order = units.SelectMany(u => Enumerable.Range(u.Start, u.Length)).ToArray();
        var visual = string.Create(order.Length, (text, order, levels), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var index = state.order[i];
                span[i] = state.levels[index] % 2 == 1 ? Mirror(state.text[index]) : state.text[index];
            }
        });
        return (order, visual);
    }

    /// <summary>The embedding level of each character: 0/2 left to right, 1 right to left.</summary>
    public static int[] Levels(string text, Direction paragraph)
    {
        var baseLevel = paragraph == Direction.RightToLeft ? 1 : 0;
        var types = text.Select(ClassOf).ToArray();
        var sos = baseLevel == 1 ? BidiClass.R : BidiClass.L;
        ResolveWeak(types, sos);
        ResolveBracketPairs(text, types, sos, baseLevel);
        ResolveNeutral(types, sos, baseLevel);
        var levels = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            levels[i] = (baseLevel, types[i]) switch
            {
                (0, BidiClass.R) => 1,
                (0, BidiClass.AN or BidiClass.EN) => 2,
                (1, BidiClass.L or BidiClass.AN or BidiClass.EN) => 2,
                _ => baseLevel,
            };
        }
        // L1: whitespace at the end of the line takes the paragraph's level.
        for (var i = text.Length - 1; i >= 0 && char.IsWhiteSpace(text[i]); i--)
        {
            levels[i] = baseLevel;
        }
        return levels;
    }

    private enum BidiClass { L, R, AL, EN, ES, ET, AN, CS, NSM, WS, ON }

    private static BidiClass ClassOf(char c) => c switch
    {
        >= '0' and <= '9' or >= '\u06F0' and <= '\u06F9' => BidiClass.EN,
        >= '\u0660' and <= '\u0669' or '\u066B' or '\u066C' => BidiClass.AN,
        '+' or '-' => BidiClass.ES,
        '#' or '$' or '%' or '°' or '\u066A' or >= '\u20A0' and <= '\u20CF' => BidiClass.ET,
        ',' or '.' or ':' or '/' or '\u00A0' or '\u060C' => BidiClass.CS,
        _ when ArabicShaping.IsTransparent(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark => BidiClass.NSM,
        ' ' or '\t' => BidiClass.WS,
        LeftToRightMark => BidiClass.L,
        RightToLeftMark => BidiClass.R,
        >= '\u0590' and <= '\u05FF' or >= '\uFB1D' and <= '\uFB4F' => BidiClass.R,
        >= '\u0600' and <= '\u07BF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFE' => BidiClass.AL,
        _ when char.IsLetter(c) => BidiClass.L,
        _ => BidiClass.ON,
    };

    private static void ResolveWeak(BidiClass[] types, BidiClass sos)
    {
        var previous = sos;
        var lastStrong = sos;
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] == BidiClass.NSM) // W1
            {
                types[i] = previous;
            }
            if (types[i] is BidiClass.L or BidiClass.R or BidiClass.AL)
            {
                lastStrong = types[i];
            }
            else if (types[i] == BidiClass.EN && lastStrong == BidiClass.AL) // W2
            {
                types[i] = BidiClass.AN;
            }
            previous = types[i];
        }
        for (var i = 0; i < types.Length; i++) // W3
        {
            if (types[i] == BidiClass.AL)
            {
                types[i] = BidiClass.R;
            }
        }
        for (var i = 1; i < types.Length - 1; i++) // W4
        {
            var (before, after) = (types[i - 1], types[i + 1]);
            if (before == after && (before == BidiClass.EN && types[i] is BidiClass.ES or BidiClass.CS || before == BidiClass.AN && types[i] == BidiClass.CS))
            {
                types[i] = before;
            }
        }
        for (var i = 0; i < types.Length; i++) // W5
        {
            if (types[i] != BidiClass.ET)
            {
                continue;
            }
            var end = i;
            while (end < types.Length && types[end] == BidiClass.ET)
            {
                end++;
            }
            var touchesNumber = i > 0 && types[i - 1] == BidiClass.EN || end < types.Length && types[end] == BidiClass.EN;
            for (var j = i; j < end; j++)
            {
                types[j] = touchesNumber ? BidiClass.EN : BidiClass.ON; // W6 for the rest
            }
            i = end - 1;
        }
        lastStrong = sos;
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] is BidiClass.ES or BidiClass.CS) // W6
            {
                types[i] = BidiClass.ON;
            }
            if (types[i] is BidiClass.L or BidiClass.R)
            {
                lastStrong = types[i];
            }
            else if (types[i] == BidiClass.EN && lastStrong == BidiClass.L) // W7
            {
                types[i] = BidiClass.L;
            }
        }
    }

    private static void ResolveNeutral(BidiClass[] types, BidiClass sos, int baseLevel)
    {
        var embedding = baseLevel == 1 ? BidiClass.R : BidiClass.L;
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] is not (BidiClass.WS or BidiClass.ON))
            {
                continue;
            }
            var end = i;
            while (end < types.Length && types[end] is BidiClass.WS or BidiClass.ON)
            {
                end++;
            }
            var before = i == 0 ? sos : Strength(types[i - 1]);
            var after = end == types.Length ? sos : Strength(types[end]); // eos equals sos: one level per line
            var resolved = before == after ? before : embedding; // N1, else N2
            for (var j = i; j < end; j++)
            {
                types[j] = resolved;
            }
            i = end - 1;
        }
    }

    /// <summary>
    /// N0, simplified: a matched pair of brackets takes the paragraph's direction if it encloses a strong character of it;
    /// otherwise the opposite direction if it encloses one of that and the text before the pair is of that direction too.
    /// "(Mathematics)" at the end of an Arabic line keeps its brackets around the word.
    /// </summary>
    private static void ResolveBracketPairs(string text, BidiClass[] types, BidiClass sos, int baseLevel)
    {
        var embedding = baseLevel == 1 ? BidiClass.R : BidiClass.L;
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (types[i] != BidiClass.ON)
            {
                continue;
            }
            if (text[i] is '(' or '[' or '{')
            {
                open.Push(i);
            }
            else if (text[i] is ')' or ']' or '}' && open.Count > 0 && Mirror(text[open.Peek()]) == text[i])
            {
                var start = open.Pop();
                var inside = types.AsSpan(start + 1, i - start - 1);
                var opposite = embedding == BidiClass.L ? BidiClass.R : BidiClass.L;
                BidiClass? resolved = inside.ToArray().Any(t => Strength(t) == embedding) ? embedding
                    : inside.ToArray().Any(t => Strength(t) == opposite) && StrongBefore(types, start, sos) == opposite ? opposite
                    : null;
                if (resolved is { } direction)
                {
                    types[start] = types[i] = direction;
                }
            }
        }
    }

    private static BidiClass StrongBefore(BidiClass[] types, int index, BidiClass sos)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (types[i] is BidiClass.L or BidiClass.R or BidiClass.EN or BidiClass.AN)
            {
                return Strength(types[i]);
            }
        }
        return sos;
    }

    /// <summary>For N1, numbers count as right to left.</summary>
    private static BidiClass Strength(BidiClass type) => type is BidiClass.EN or BidiClass.AN ? BidiClass.R : type;

    private sealed record Unit(int Start, int Length, int Level);

    /// <summary>A base character with the marks after it moves as one (L3), so a mark stays on its letter when reversed.</summary>
    private static List<Unit> Units(string text, int[] levels)
    {
        var units = new List<Unit>(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var end = i + 1;
            while (end < text.Length && ClassOf(text[end]) == BidiClass.NSM)
            {
                end++;
            }
            units.Add(new Unit(i, end - i, levels[i]));
            i = end;
        }
        return units;
    }

    private static void ReverseRunsAtOrAbove(List<Unit> units, int level)
    {
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i].Level < level)
            {
                continue;
            }
            var end = i;
            while (end < units.Count && units[end].Level >= level)
            {
                end++;
            }
            units.Reverse(i, end - i);
            i = end - 1;
        }
    }

    private static char Mirror(char c) => c switch
    {
        '(' => ')', ')' => '(', '[' => ']', ']' => '[', '{' => '}', '}' => '{', '<' => '>', '>' => '<', '«' => '»', '»' => '«',
        _ => c,
    };
}
