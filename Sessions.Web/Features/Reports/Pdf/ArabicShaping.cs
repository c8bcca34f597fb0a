namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>
/// PDFsharp draws one glyph per character, so Arabic letters must already be the contextual glyph they take in a word
/// (isolated, final, initial, medial): this maps them to the Unicode presentation forms (Forms-B for Arabic, a few
/// Forms-A for the Persian/Urdu letters names use) and joins lam + alef into its ligature. Diacritics are transparent:
/// they neither join nor break a join. The result keeps the logical order and one slot per input character (a ligature's
/// second letter becomes <see cref="Consumed"/>), so the bidi levels computed on the input still apply.
/// </summary>
public static class ArabicShaping
{
    /// <summary>The slot of a letter that went into the ligature before it; dropped when the line is drawn.</summary>
    public const char Consumed = '\0';

    // Forms in the order isolated, final, initial, medial; a right-joining letter (alef, dal, reh, waw...) has two.
    private static readonly Dictionary<char, char[]> Forms = BuildForms();

    private static readonly Dictionary<char, (char Isolated, char Final)> LamAlef = new()
    {
        ['\u0622'] = ('\uFEF5', '\uFEF6'),
        ['\u0623'] = ('\uFEF7', '\uFEF8'),
        ['\u0625'] = ('\uFEF9', '\uFEFA'),
        ['\u0627'] = ('\uFEFB', '\uFEFC'),
    };

    private const char Lam = '\u0644';
    private const char Tatweel = '\u0640';

    public static string Shape(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u0600', '\u06FF'))
        {
            return text;
        }
        var shaped = text.ToCharArray();
        for (var i = 0; i < text.Length; i++)
        {
            var letter = text[i];
            if (!Forms.TryGetValue(letter, out var forms))
            {
                continue;
            }
            var previous = Neighbour(text, i, -1);
            var joinsBefore = previous >= 0 && JoinsForward(text[previous]);
            var next = Neighbour(text, i, +1);
            if (letter == Lam && next >= 0 && LamAlef.TryGetValue(text[next], out var ligature))
            {
                shaped[i] = joinsBefore ? ligature.Final : ligature.Isolated;
                shaped[next] = Consumed;
                i = next;
                continue;
            }
            var joinsAfter = forms.Length == 4 && next >= 0 && JoinsBackward(text[next]);
            shaped[i] = (joinsBefore, joinsAfter) switch
            {
                (false, false) => forms[0],
                (true, false) => forms[1],
                (false, true) => forms[2],
                (true, true) => forms[3],
            };
        }
        return new string(shaped);
    }

    /// <summary>Arabic combining marks (harakat, shadda, superscript alef, Quranic marks): Unicode joining type T.</summary>
    public static bool IsTransparent(char c) => c is >= '\u0610' and <= '\u061A' or >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u06D6' and <= '\u06DC' or >= '\u06DF' and <= '\u06E4' or '\u06E7' or '\u06E8' or >= '\u06EA' and <= '\u06ED';

    /// <summary>The nearest character in <paramref name="step"/>'s direction that is not a transparent mark, or -1.</summary>
    private static int Neighbour(string text, int from, int step)
    {
        for (var i = from + step; i >= 0 && i < text.Length; i += step)
        {
            if (!IsTransparent(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Dual-joining letters and tatweel connect to the letter after them.</summary>
    private static bool JoinsForward(char c) => c == Tatweel || Forms.TryGetValue(c, out var forms) && forms.Length == 4;

    /// <summary>Every joining letter and tatweel connects to the letter before it (hamza does not join at all).</summary>
    private static bool JoinsBackward(char c) => c == Tatweel || Forms.TryGetValue(c, out var forms) && forms.Length > 1;

    private static Dictionary<char, char[]> BuildForms()
    {
        var forms = new Dictionary<char, char[]> { ['\u0621'] = ['\uFE80'] };
        // U+0622..U+064A (skipping U+063B..U+0640) follow each other in Forms-B, two or four forms each.
        const string rightJoining = "\u0622\u0623\u0624\u0625\u0627\u0629\u062F\u0630\u0631\u0632\u0648\u0649";
        var form = '\uFE81';
        for (var letter = '\u0622'; letter <= '\u064A'; letter++)
        {
            if (letter is >= '\u063B' and <= '\u0640')
            {
                continue;
            }
            var count = rightJoining.Contains(letter) ? 2 : 4;
            forms[letter] = [.. Enumerable.Range(form, count).Select(c => (char)c)];
            form += (char)count;
        }
        // Persian and Urdu letters common in names, from Forms-A.
        forms['\u067E'] = ['\uFB56', '\uFB57', '\uFB58', '\uFB59']; // peh
        forms['\u0686'] = ['\uFB7A', '\uFB7B', '\uFB7C', '\uFB7D']; // tcheh
        forms['\u0698'] = ['\uFB8A', '\uFB8B']; // jeh
        forms['\u06A9'] = ['\uFB8E', '\uFB8F', '\uFB90', '\uFB91']; // keheh
        forms['\u06AF'] = ['\uFB92', '\uFB93', '\uFB94', '\uFB95']; // gaf
        forms['\u06CC'] = ['\uFBFC', '\uFBFD', '\uFBFE', '\uFBFF']; // farsi yeh
        return forms;
    }
}
