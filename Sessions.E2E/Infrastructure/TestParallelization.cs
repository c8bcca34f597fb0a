// Each collection runs its own app and Chromium; one at a time keeps a small CI machine from timing out the Blazor circuits.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
