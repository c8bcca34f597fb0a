using System.Diagnostics;
using System.Globalization;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>Child processes from Linux's /proc (empty elsewhere).</summary>
internal static class ProcessTree
{
    public static List<Process> Descendants(int rootId)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var (id, parentId) in ParentIds())
        {
            if (!children.TryGetValue(parentId, out var list))
            {
                children[parentId] = list = [];
            }
            list.Add(id);
        }

        var found = new List<Process>();
        var pending = new Queue<int>([rootId]);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in children.GetValueOrDefault(parent) ?? [])
            {
                pending.Enqueue(child);
                try
                {
                    found.Add(Process.GetProcessById(child));
                }
                catch (ArgumentException)
                {
                    // It exited since /proc was read.
                }
            }
        }
        return found;
    }

    private static IEnumerable<(int Id, int ParentId)> ParentIds()
    {
        if (!Directory.Exists("/proc"))
        {
            yield break;
        }
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(folder, "stat"));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parentId))
            {
                yield return (id, parentId);
            }
        }
    }
}
