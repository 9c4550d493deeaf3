"""
The platform's conversion worker, started by Carbone's converter (carbone/lib/converter.js) in place
of its own: it speaks the same line protocol on stdin/stdout, and also hands LibreOffice the export
filter's options (FilterData), which Carbone 3.8.2 never passes on. That is how PDF/A and tagged
PDF are asked for.

Protocol: started with `--pipe NAME`, it connects to the LibreOffice listening on that pipe and
writes "204" when ready. Then, for each line of JSON on stdin
  {"inputFile", "outputFile", "format" (an export filter name), "formatOptions"}
where formatOptions is "" or a JSON object of filter options ({"SelectPdfVersion": 1, ...}), it
writes "200" (converted), "400" (the document could not be opened) or "401" (not converted).
"""

import argparse
import json
import os
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

CONNECT_TIMEOUT_SECONDS = 60
# After this many documents in a row that do not open, LibreOffice itself is in trouble: exit, so
# Carbone restarts both processes.
MAX_FAILED_OPENS = 10


def prop(name, value):
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def answer(code):
    sys.stdout.write(code)
    sys.stdout.flush()


def connect(pipe):
    context = uno.getComponentContext()
    resolver = context.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", context)
    deadline = time.time() + CONNECT_TIMEOUT_SECONDS
    while True:
        try:
            remote = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
        except NoConnectException:
            if time.time() > deadline:
                sys.exit(253)
            time.sleep(0.25)


def filter_data(options):
    """Typed filter options: JSON booleans, integers and strings become UNO boolean, long and string."""
    items = []
    for name, value in options.items():
        if isinstance(value, bool) or isinstance(value, str):
            items.append(prop(name, value))
        elif isinstance(value, int):
            items.append(prop(name, uno.Any("long", value)))
    return uno.Any("[]com.sun.star.beans.PropertyValue", tuple(items))


def refresh(document):
    """Tables of contents, fields and page counts as the final layout sets them."""
    for method in ("calculateAll", "updateLinks", "refresh"):
        try:
            getattr(document, method)()
        except AttributeError:
            pass
    try:
        indexes = document.getDocumentIndexes()
    except AttributeError:
        return
    for i in range(indexes.getCount()):
        indexes.getByIndex(i).update()


def convert(desktop, job, failed_opens):
    source = uno.systemPathToFileUrl(os.path.abspath(job["inputFile"]))
    try:
        document = desktop.loadComponentFromURL(source, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
    except Exception:
        document = None
    if document is None:
        return "400", failed_opens + 1
    try:
        refresh(document)
        target = uno.systemPathToFileUrl(os.path.abspath(job["outputFile"]))
        store = [prop("FilterName", job["format"]), prop("Overwrite", True)]
        options = job.get("formatOptions") or ""
        if options:
            store.append(prop("FilterData", filter_data(json.loads(options))))
        uno.invoke(document, "storeToURL", (target, tuple(store)))
        return "200", 0
    except Exception:
        return "401", 0
    finally:
        try:
            document.close(True)
        except Exception:
            pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pipe", required=True)
    desktop = connect(parser.parse_args().pipe)
    answer("204")
    failed_opens = 0
    for line in sys.stdin:
        try:
            job = json.loads(line)
        except ValueError:
            answer("400")
            continue
        code, failed_opens = convert(desktop, job, failed_opens)
        if failed_opens >= MAX_FAILED_OPENS:
            sys.exit(254)
        answer(code)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        os._exit(0)
