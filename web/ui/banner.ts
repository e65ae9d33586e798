/** The error banner over the field: a message, optional details and an optional action button. */
export class Banner {
  constructor(private readonly root: HTMLElement) {}

  /** Whether nothing is shown. */
  get hidden(): boolean {
    return this.root.hidden === true;
  }

  hide(): void {
    this.root.hidden = true;
    this.root.replaceChildren();
  }

  show(kind: 'error' | 'info', title: string, details: string[] = [], action?: { label: string; run: () => void }): void {
    this.root.hidden = false;
    this.root.className = kind;
    this.root.dataset.kind = kind;
    this.root.replaceChildren();
    const head = document.createElement('strong');
    head.textContent = title;
    this.root.append(head);
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.addEventListener('click', action.run);
      this.root.append(button);
    }
    if (details.length > 0) {
      const ul = document.createElement('ul');
      for (const d of details) {
        const li = document.createElement('li');
        li.textContent = d;
        ul.append(li);
      }
      this.root.append(ul);
    }
  }
}
