/**
 * Copy buttons for code examples: each `pre[data-copy]` inside an element carrying the button's words
 * (`data-copy-label`, `data-copied-label`, `data-copy-failed-label`) gets a button that copies its text. Without
 * JavaScript there is no button and the code is selected and copied by hand, as always.
 */

function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  return done;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyBySelection(text);
  }
}

function start(): void {
  for (const root of Array.from(document.querySelectorAll<HTMLElement>('[data-copy-label]'))) {
    const label = root.dataset.copyLabel ?? 'Copy';
    const copied = root.dataset.copiedLabel ?? 'Copied';
    const failed = root.dataset.copyFailedLabel ?? '';
    for (const pre of Array.from(root.querySelectorAll<HTMLElement>('pre[data-copy]'))) {
      const bar = document.createElement('div');
      bar.className = 'copy-bar';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'usa-button usa-button--outline copy-button';
      button.textContent = label;
      const status = document.createElement('span');
      status.className = 'copy-status';
      status.setAttribute('role', 'status');
      let reset: ReturnType<typeof setTimeout> | undefined;
      button.addEventListener('click', () => {
        void copy(pre.innerText).then((ok) => {
          status.textContent = ok ? copied : failed;
          button.dataset.copied = ok ? 'true' : 'false';
          if (reset) clearTimeout(reset);
          reset = setTimeout(() => {
            status.textContent = '';
          }, 4000);
        });
      });
      bar.append(button, status);
      pre.before(bar);
    }
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
