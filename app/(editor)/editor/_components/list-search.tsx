/** The search box above an editor list: a GET form that sets `?q=` on the same page. */
export function ListSearch({ query, label, placeholder }: { query: string | undefined; label: string; placeholder: string }) {
  return (
    <form role="search" className="row">
      <input name="q" defaultValue={query} aria-label={label} placeholder={placeholder} className="select-small" />
      <button className="button button--secondary button--small" type="submit">
        Search
      </button>
    </form>
  );
}
